package fr.rdvnumerique.notification.domain;

import fr.rdvnumerique.base.time.ParisTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When each reminder of an activity goes out.
 * <ul>
 *   <li>an offset of whole days ("48", "24" hours on the settings screen) means that many days before, at the
 *       activity's clock time on that day, kept on that day by the quiet hours: 24 h before a 9:00 atelier is 9:00
 *       the day before, before a 21:00 one it is 19:00 the day before (never the next morning, which would be
 *       the day itself), and across a change to or from summer time it is still the same clock time;</li>
 *   <li>any other offset is {@code offset} before the start, moved out of the quiet hours to the next morning;</li>
 *   <li>a time already past is skipped: the person has just booked and received the confirmation, which says the
 *       same thing (and a booking 30 h ahead still gets the "day before" reminder);</li>
 *   <li>a reminder that would fall at or after the start is skipped, and two reminders that end up at the same
 *       time become one (the one with the larger offset is kept).</li>
 * </ul>
 */
public record ReminderPlanner(QuietHours quietHours) {

    private static final Duration DAY = Duration.ofDays(1);

    public record Plan(Duration offset, Optional<Instant> dueAt) {
    }

    public List<Plan> plan(Instant start, List<Duration> offsets, Instant now) {
        var sorted = new ArrayList<>(offsets);
        sorted.sort((a, b) -> b.compareTo(a));
        Set<Instant> taken = new HashSet<>();
        var plans = new ArrayList<Plan>();
        for (Duration offset : sorted) {
            plans.add(new Plan(offset, due(start, offset, now).filter(taken::add)));
        }
        return plans;
    }

    public Optional<Instant> due(Instant start, Duration offset, Instant now) {
        Instant due;
        if (isWholeDays(offset)) {
            LocalDateTime local = start.atZone(ParisTime.ZONE).toLocalDateTime().minusDays(offset.toDays());
            due = quietHours.sameDay(local);
        } else {
            Instant nominal = start.minus(offset);
            if (nominal.isBefore(now)) {
                return Optional.empty();
            }
            due = quietHours.nextAllowed(nominal);
        }
        return due.isBefore(now) || !due.isBefore(start) ? Optional.empty() : Optional.of(due);
    }

    static boolean isWholeDays(Duration offset) {
        return !offset.isZero() && offset.toMinutes() % DAY.toMinutes() == 0;
    }
}
