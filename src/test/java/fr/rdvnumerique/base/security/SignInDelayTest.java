package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInDelayTest {

    @Test
    void two_typos_cost_nothing() {
        assertThat(SignInDelay.after(0)).isZero();
        assertThat(SignInDelay.after(2)).isZero();
    }

    @Test
    void from_the_third_failure_the_wait_starts_at_one_second_and_doubles() {
        assertThat(SignInDelay.after(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInDelay.after(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInDelay.after(8)).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void nobody_waits_more_than_two_minutes_however_many_failures() {
        assertThat(SignInDelay.after(10)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SignInDelay.after(1_000_000)).isEqualTo(Duration.ofMinutes(2));
    }
}
