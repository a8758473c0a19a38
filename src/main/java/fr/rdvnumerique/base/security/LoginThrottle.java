package fr.rdvnumerique.base.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Per-address brake on sign-in: after {@value #MAX_FAILURES_PER_ADDRESS} failed sign-ins within {@link #WINDOW} from
 * one address (whatever the accounts), that address is refused until the window has passed. Kept in memory: a
 * restart forgets it, which is acceptable for a brake. Accounts are slowed separately, in the database
 * ({@link SignInAttempts}), and never locked: a stranger cannot keep a known coordinator out.
 */
@Component
class LoginThrottle {

    // An address is shared by a whole médiathèque behind one box: it may fail more often than one account.
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    boolean isBlocked(String address) {
        Failures f = failures.get(address);
        return f != null && f.count() >= MAX_FAILURES_PER_ADDRESS && f.last().plus(WINDOW).isAfter(clock.instant());
    }

    void failed(String address) {
        if (failures.size() > MAX_TRACKED) {
            forgetExpired();
        }
        Instant now = clock.instant();
        failures.merge(address, new Failures(1, now), (old, one) -> old.plusOne(now));
    }

    /** Forgets every failure (an operator after an incident; tests). */
    void reset() {
        failures.clear();
    }

    private void forgetExpired() {
        Instant limit = clock.instant().minus(WINDOW);
        failures.values().removeIf(f -> f.last().isBefore(limit));
    }

    private record Failures(int count, Instant last) {
        Failures plusOne(Instant now) {
            // Failures older than the window no longer count.
            return last.plus(WINDOW).isBefore(now) ? new Failures(1, now) : new Failures(count + 1, now);
        }
    }
}
