package fr.rdvnumerique.base.security;

import java.time.Duration;

/**
 * How long an account waits before its next sign-in attempt after failed ones: nothing for the first two (a typo),
 * then one second, doubling with each further failure, never more than {@link #MAX}. Guessing gets slow, while a
 * stranger who knows a coordinator's address can no longer lock them out: the coordinator waits two minutes at worst,
 * and one right password clears it.
 */
public final class SignInDelay {

    static final int FREE_FAILURES = 2;
    static final Duration MAX = Duration.ofMinutes(2);

    private SignInDelay() {
    }

    public static Duration after(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = failures - FREE_FAILURES - 1;
        if (doublings >= 7) {
            return MAX;
        }
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }
}
