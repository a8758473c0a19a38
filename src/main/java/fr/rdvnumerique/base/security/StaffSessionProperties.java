package fr.rdvnumerique.base.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a staff session lasts ({@code RDV_STAFF_IDLE_TIMEOUT}, {@code RDV_STAFF_MAX_SESSION}).
 *
 * @param idleTimeout without a user action for this long (Vaadin's heartbeat is not one), the session ends
 * @param maxDuration this long after signing in, the session ends whatever happens
 */
@ConfigurationProperties("rdv.staff.session")
public record StaffSessionProperties(@DefaultValue("30m") Duration idleTimeout,
                                     @DefaultValue("12h") Duration maxDuration) {

    public StaffSessionProperties {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxDuration.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException(
                    "rdv.staff.session: idle-timeout must be positive and at most max-duration");
        }
    }
}
