package fr.rdvnumerique.kiosk.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the kiosk asks "do you need more time?" and when it starts over.
 * <ul>
 * <li>Disarmed (the home screen: nothing typed, nothing chosen): never asks.</li>
 * <li>Armed: after {@code warnAfter} without a touch, the question; then {@code grace} (WCAG 2.2.1 asks for at
 * least 20 s) to answer before everything is forgotten and the session ends.</li>
 * <li>Finished (the confirmation is on screen): the same question {@code confirmationShown} after the
 * confirmation appeared, <em>whatever the touches</em>: the next person in line touching the screen must not
 * keep the previous one's ticket alive. Only "Oui, je continue" gives more time.</li>
 * </ul>
 */
final class KioskIdleWatch {

    enum State { ACTIVE, WARNING, EXPIRED }

    private final Clock clock;
    private final Duration warnAfter;
    private final Duration grace;
    private final Duration confirmationShown;
    private Instant since;
    private boolean armed;
    private boolean finished;

    KioskIdleWatch(Clock clock, Duration warnAfter, Duration grace, Duration confirmationShown) {
        this.clock = clock;
        this.warnAfter = warnAfter;
        this.grace = grace;
        this.confirmationShown = confirmationShown;
        this.since = clock.instant();
    }

    /** A touch: postpones the question, except on the confirmation. */
    void touched() {
        if (!finished) {
            since = clock.instant();
        }
    }

    /** "Oui, je continue": a full period again, on any screen. */
    void moreTime() {
        since = clock.instant();
    }

    void arm() {
        armed = true;
        finished = false;
        since = clock.instant();
    }

    void disarm() {
        armed = false;
        finished = false;
    }

    /** The registration is made: the screen starts over {@code confirmationShown + grace} from now. */
    void finished() {
        armed = true;
        finished = true;
        since = clock.instant();
    }

    boolean armed() {
        return armed;
    }

    /** The confirmation (the ticket) is what the screen shows. */
    boolean isFinished() {
        return finished;
    }

    State state() {
        if (!armed) {
            return State.ACTIVE;
        }
        Duration idle = Duration.between(since, clock.instant());
        if (idle.compareTo(period().plus(grace)) >= 0) {
            return State.EXPIRED;
        }
        return idle.compareTo(period()) >= 0 ? State.WARNING : State.ACTIVE;
    }

    /** Seconds left before the reset, for the countdown shown with the question. */
    long secondsLeft() {
        Duration left = Duration.between(clock.instant(), since.plus(period()).plus(grace));
        return Math.max(0, (left.toMillis() + 999) / 1000);
    }

    private Duration period() {
        return finished ? confirmationShown : warnAfter;
    }
}
