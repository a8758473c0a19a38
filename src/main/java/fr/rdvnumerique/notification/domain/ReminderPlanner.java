package fr.rdvnumerique.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When each reminder of an activity goes out.
 * <ul>
 *   <li>nominally {@code offset} before the start;</li>
 *   <li>a nominal time already past is skipped: the person has just booked and received the confirmation,
 *       which says the same thing (and a booking 30 h ahead still gets the "day before" reminder);</li>
 *   <li>a time in the quiet hours moves to the next morning;</li>
 *   <li>a reminder that would then fall at or after the start is skipped, and two reminders moved to the same
 *       morning become one (the one with the larger offset is kept).</li>
 * </ul>
 */
public record ReminderPlanner(QuietHours quietHours) {

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
        Instant nominal = start.minus(offset);
        if (nominal.isBefore(now)) {
            return Optional.empty();
        }
        Instant allowed = quietHours.nextAllowed(nominal);
        return allowed.isBefore(start) ? Optional.of(allowed) : Optional.empty();
    }
}
