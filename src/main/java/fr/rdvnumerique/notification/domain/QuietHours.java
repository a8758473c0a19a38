package fr.rdvnumerique.notification.domain;

import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.notification.internal.NotificationSettings;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * No reminder at night: from the evening hour until the morning hour, Paris time (20:00–08:00 by default). Checked
 * when a reminder is planned, again when the job would queue it, and by the dispatcher before it sends one.
 */
public record QuietHours(int fromHour, int untilHour) {

    public static QuietHours of(NotificationSettings.Reminders settings) {
        return new QuietHours(settings.quietFromHour(), settings.quietUntilHour());
    }

    public boolean isQuiet(Instant instant) {
        LocalTime time = instant.atZone(ParisTime.ZONE).toLocalTime();
        return time.getHour() >= fromHour || time.isBefore(LocalTime.of(untilHour, 0));
    }

    /** The instant itself outside the quiet hours, else the next morning at the end of them. */
    public Instant nextAllowed(Instant instant) {
        ZonedDateTime local = instant.atZone(ParisTime.ZONE);
        LocalTime morning = LocalTime.of(untilHour, 0);
        if (local.getHour() >= fromHour) {
            return local.toLocalDate().plusDays(1).atTime(morning).atZone(ParisTime.ZONE).toInstant();
        }
        if (local.toLocalTime().isBefore(morning)) {
            return local.toLocalDate().atTime(morning).atZone(ParisTime.ZONE).toInstant();
        }
        return instant;
    }

    /**
     * A local time kept on its own day: before the morning hour it becomes the morning hour, in the evening it
     * becomes the last full hour before the quiet hours (19:00 by default).
     */
    public Instant sameDay(LocalDateTime local) {
        LocalTime time = local.toLocalTime();
        LocalTime morning = LocalTime.of(untilHour, 0);
        if (time.isBefore(morning)) {
            time = morning;
        } else if (time.getHour() >= fromHour) {
            time = LocalTime.of(fromHour - 1, 0);
        }
        return local.toLocalDate().atTime(time).atZone(ParisTime.ZONE).toInstant();
    }
}
