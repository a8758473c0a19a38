package fr.rdvnumerique.base.security;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The limits of staff sessions and the time they are measured with. Real time, not the application's business
 * clock: a session's idle minutes are the person's, and tests that move the business date (reminders, retention)
 * must not end the browser session of a journey running beside them.
 */
@Component
class StaffSessions {

    private final StaffSessionProperties properties;
    private volatile Clock clock = Clock.systemUTC();

    StaffSessions(StaffSessionProperties properties) {
        this.properties = properties;
    }

    StaffSessionProperties properties() {
        return properties;
    }

    Instant now() {
        return clock.instant();
    }

    /** Tests only: measure sessions with this clock ({@code null}: real time again). */
    void useClock(Clock testClock) {
        this.clock = testClock == null ? Clock.systemUTC() : testClock;
    }
}
