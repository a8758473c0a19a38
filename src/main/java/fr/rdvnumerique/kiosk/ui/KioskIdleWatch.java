package fr.rdvnumerique.kiosk.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the kiosk asks "do you need more time?" and when it starts over. After {@link #WARN_AFTER} without a
 * touch, the question; then at least {@link #GRACE} to answer (WCAG 2.2.1 asks for 20 s) before everything
 * typed is forgotten and the session ends.
 */
final class KioskIdleWatch {

    static final Duration WARN_AFTER = Duration.ofSeconds(60);
    static final Duration GRACE = Duration.ofSeconds(30);

    enum State { ACTIVE, WARNING, EXPIRED }

    private final Clock clock;
    private Instant lastTouch;

    KioskIdleWatch(Clock clock) {
        this.clock = clock;
        this.lastTouch = clock.instant();
    }

    void touched() {
        lastTouch = clock.instant();
    }

    State state() {
        Duration idle = Duration.between(lastTouch, clock.instant());
        if (idle.compareTo(WARN_AFTER.plus(GRACE)) >= 0) {
            return State.EXPIRED;
        }
        return idle.compareTo(WARN_AFTER) >= 0 ? State.WARNING : State.ACTIVE;
    }

    /** Seconds left before the reset, for the countdown shown with the question. */
    long secondsLeft() {
        Duration left = Duration.between(clock.instant(), lastTouch.plus(WARN_AFTER).plus(GRACE));
        return Math.max(0, (left.toMillis() + 999) / 1000);
    }
}
