package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInDelayTest {

    @Test
    void typing_mistakes_cost_nothing_then_each_failure_doubles_the_wait_up_to_one_minute() {
        assertThat(SignInDelay.after(0)).isZero();
        assertThat(SignInDelay.after(3)).isZero();
        assertThat(SignInDelay.after(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInDelay.after(5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInDelay.after(9)).isEqualTo(Duration.ofSeconds(32));
        assertThat(SignInDelay.after(10)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInDelay.after(10_000)).as("never a lock-out").isEqualTo(Duration.ofMinutes(1));
    }
}
