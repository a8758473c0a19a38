package fr.rdvnumerique.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    final Backoff backoff = new Backoff(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(6)));

    @Test
    void waits_grow_after_each_failed_attempt_then_the_message_is_given_up() {
        assertThat(backoff.afterFailure(1, false, NOW).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(backoff.afterFailure(2, false, NOW).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(backoff.afterFailure(3, false, NOW).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(backoff.afterFailure(4, false, NOW).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(backoff.afterFailure(5, false, NOW).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofHours(6)));
        assertThat(backoff.afterFailure(5, false, NOW).giveUp()).isFalse();
        assertThat(backoff.afterFailure(6, false, NOW).giveUp()).isTrue();
    }

    @Test
    void a_permanent_refusal_is_not_retried() {
        assertThat(backoff.afterFailure(1, true, NOW).giveUp()).isTrue();
    }
}
