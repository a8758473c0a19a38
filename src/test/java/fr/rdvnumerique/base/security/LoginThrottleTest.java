package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-address brake (accounts are slowed in the database: SignInAttemptsTest). */
class LoginThrottleTest {

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    LoginThrottleTest() {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void an_address_guessing_many_accounts_is_blocked_for_fifteen_minutes() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS - 1; i++) {
            throttle.failed("192.0.2.9");
        }
        assertThat(throttle.isBlocked("192.0.2.9")).isFalse();
        throttle.failed("192.0.2.9");
        assertThat(throttle.isBlocked("192.0.2.9")).isTrue();
        assertThat(throttle.isBlocked("192.0.2.10")).as("another address").isFalse();
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.isBlocked("192.0.2.9")).isFalse();
    }
}
