package fr.rdvnumerique.base.security;

import java.time.Duration;

/**
 * How long an account waits before its next sign-in attempt after failed ones: nothing for the first
 * {@value #FREE_FAILURES} (typing mistakes), then one second, doubling with each further failure, never more than
 * {@link #MAX}. Guessing becomes slow (a few dozen tries an hour), while a stranger who knows a coordinator's address
 * can no longer lock them out: the coordinator waits a minute at worst, and the right password clears everything.
 */
public final class SignInDelay {

    static final int FREE_FAILURES = 3;
    static final Duration MAX = Duration.ofMinutes(1);

    private SignInDelay() {
    }

    public static Duration after(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = failures - FREE_FAILURES - 1;
        if (doublings >= 6) {
            return MAX;
        }
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
