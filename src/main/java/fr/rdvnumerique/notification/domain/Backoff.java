package fr.rdvnumerique.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When to try again after a failed attempt: the waits are 1 min, 5 min, 30 min, 2 h, 6 h by default, and a
 * failure after the last wait (or a permanent refusal) ends in FAILED.
 */
public record Backoff(List<Duration> waits) {

    public Backoff {
        waits = List.copyOf(waits);
    }

    /** The decision after attempt number {@code attempts} (1 for the first) failed. */
    public Decision afterFailure(int attempts, boolean permanent, Instant now) {
        if (permanent || attempts > waits.size()) {
            return new Decision(true, now);
        }
        return new Decision(false, now.plus(waits.get(Math.max(0, attempts - 1))));
    }

    public record Decision(boolean giveUp, Instant nextAttemptAt) {
    }
}
