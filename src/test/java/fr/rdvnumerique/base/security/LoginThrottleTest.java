package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    LoginThrottleTest() {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void five_failures_block_the_account_for_fifteen_minutes() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Camille@Ludres.fr", "10.0.0.1");
        }
        assertThat(throttle.isBlocked("camille@ludres.fr", "10.0.0.2")).isFalse();
        throttle.failed("camille@ludres.fr", "10.0.0.1");
        assertThat(throttle.isBlocked("camille@ludres.fr", "10.0.0.2")).as("blocked from any address").isTrue();
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.isBlocked("camille@ludres.fr", "10.0.0.2")).isFalse();
    }

    @Test
    void a_success_clears_the_account_failures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alix@exemple.fr", "10.0.0.3");
        }
        throttle.succeeded("alix@exemple.fr");
        throttle.failed("alix@exemple.fr", "10.0.0.3");
        assertThat(throttle.isBlocked("alix@exemple.fr", "10.0.0.3")).isFalse();
    }

    @Test
    void an_address_guessing_many_accounts_is_blocked() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("user" + i + "@exemple.fr", "192.0.2.9");
        }
        assertThat(throttle.isBlocked("someone-else@exemple.fr", "192.0.2.9")).isTrue();
        assertThat(throttle.isBlocked("someone-else@exemple.fr", "192.0.2.10")).isFalse();
    }
}
