package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import fr.rdvnumerique.base.web.SharedBuckets;
import fr.rdvnumerique.testing.IntegrationTest;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The per-address brake, shared by every node (accounts are slowed in the database too: SignInAttemptsTest). */
@IntegrationTest
class LoginThrottleTest {

    @Autowired DataSource dataSource;
    private final TestClock clock = new TestClock();
    private LoginThrottle throttle;
    private LoginThrottle otherNode;

    @BeforeEach
    void twoNodes() {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        throttle = new LoginThrottle(new SharedBuckets(dataSource, clock));
        otherNode = new LoginThrottle(new SharedBuckets(dataSource, clock));
        throttle.reset();
    }

    @Test
    void an_address_guessing_many_accounts_is_blocked_for_fifteen_minutes() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS - 1; i++) {
            throttle.failed("192.0.2.9");
        }
        assertThat(throttle.isBlocked("192.0.2.9")).isFalse();
        otherNode.failed("192.0.2.9");
        assertThat(throttle.isBlocked("192.0.2.9")).isTrue();
        assertThat(otherNode.isBlocked("192.0.2.9")).as("on every node").isTrue();
        assertThat(throttle.isBlocked("192.0.2.10")).as("another address").isFalse();
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.isBlocked("192.0.2.9")).isFalse();
    }
}
