package fr.rdvnumerique.base.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed sign-ins within {@link #WINDOW} for one account
 * (or {@value #MAX_FAILURES_PER_ADDRESS} from one address), further attempts are refused until the window has passed. Kept in memory: a restart
 * forgets it, which is acceptable for a brake (it is not an audit log).
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    // An address is shared by a whole médiathèque behind one box: it may fail more often than one account.
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    boolean isBlocked(String username, String address) {
        Instant now = clock.instant();
        return blocked(accountKey(username), now, MAX_FAILURES)
                || blocked(addressKey(address), now, MAX_FAILURES_PER_ADDRESS);
    }

    void failed(String username, String address) {
        if (failures.size() > MAX_TRACKED) {
            forgetExpired();
        }
        Instant now = clock.instant();
        failures.merge(accountKey(username), new Failures(1, now), (old, one) -> old.plusOne(now));
        failures.merge(addressKey(address), new Failures(1, now), (old, one) -> old.plusOne(now));
    }

    void succeeded(String username) {
        failures.remove(accountKey(username));
    }

    /** Forgets every failure (an operator after an incident; tests). */
    void reset() {
        failures.clear();
    }

    private boolean blocked(String key, Instant now, int maxFailures) {
        Failures f = failures.get(key);
        return f != null && f.count() >= maxFailures && f.last().plus(WINDOW).isAfter(now);
    }

    private void forgetExpired() {
        Instant limit = clock.instant().minus(WINDOW);
        failures.values().removeIf(f -> f.last().isBefore(limit));
    }

    private static String accountKey(String username) {
        return "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    private record Failures(int count, Instant last) {
        Failures plusOne(Instant now) {
            // Failures older than the window no longer count.
            return last.plus(WINDOW).isBefore(now) ? new Failures(1, now) : new Failures(count + 1, now);
        }
    }
}
