package fr.rdvnumerique.notification.domain;

import fr.rdvnumerique.base.time.ParisTime;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/** No reminder at night: a time between the evening hour and the morning hour (Paris) moves to the morning. */
public record QuietHours(int fromHour, int untilHour) {

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
}
