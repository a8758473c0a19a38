package fr.rdvnumerique.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.kiosk.ui.KioskIdleWatch.State;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When the kiosk asks for more time and when it starts over, on a clock the test moves. */
class KioskIdleWatchTest {

    final TestClock clock = new TestClock();
    KioskIdleWatch watch;

    @BeforeEach
    void watch() {
        clock.setParis(2026, 12, 1, 10, 0);
        watch = new KioskIdleWatch(clock, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    @Test
    void the_home_screen_never_asks_nor_resets() {
        watch.disarm();
        clock.advance(Duration.ofHours(3));
        assertThat(watch.state()).isEqualTo(State.ACTIVE);
    }

    @Test
    void a_minute_without_a_touch_brings_the_question_then_thirty_seconds_to_answer() {
        watch.arm();
        clock.advance(Duration.ofSeconds(59));
        assertThat(watch.state()).isEqualTo(State.ACTIVE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(watch.state()).isEqualTo(State.WARNING);
        assertThat(watch.secondsLeft()).isEqualTo(30);
        clock.advance(Duration.ofSeconds(29));
        assertThat(watch.state()).isEqualTo(State.WARNING);
        assertThat(watch.secondsLeft()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(watch.state()).isEqualTo(State.EXPIRED);
    }

    @Test
    void every_touch_gives_a_full_minute_again() {
        watch.arm();
        clock.advance(Duration.ofSeconds(50));
        watch.touched();
        clock.advance(Duration.ofSeconds(50));
        assertThat(watch.state()).isEqualTo(State.ACTIVE);
    }

    @Test
    void on_the_confirmation_touches_do_not_postpone_the_reset_but_yes_more_time_does() {
        watch.arm();
        watch.finished();
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(10));
            watch.touched();
        }
        assertThat(watch.state()).as("60 s after the confirmation, touched or not").isEqualTo(State.WARNING);
        watch.moreTime();
        clock.advance(Duration.ofSeconds(59));
        assertThat(watch.state()).isEqualTo(State.ACTIVE);
        clock.advance(Duration.ofSeconds(31));
        assertThat(watch.state()).isEqualTo(State.EXPIRED);
    }
}
