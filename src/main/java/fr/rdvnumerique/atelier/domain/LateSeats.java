package fr.rdvnumerique.atelier.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How a seat freed shortly before a session is given: within {@code window} before the start, the first person
 * waiting is not confirmed silently (they might not read the mail in time) but offered the seat, which they
 * confirm within {@code offerValidity} (never past the start); when the offer lapses the next person gets it.
 * Earlier, a freed seat goes straight to the first person waiting, as always.
 *
 * @param window        how close to the start a freed seat is offered rather than given ({@code 0} never offers)
 * @param offerValidity how long an offer holds the seat
 */
public record LateSeats(Duration window, Duration offerValidity) {

    /** Freed seats are always given at once (no offers). */
    public static final LateSeats NEVER = new LateSeats(Duration.ZERO, Duration.ofHours(1));

    public LateSeats {
        if (window == null || window.isNegative() || offerValidity == null || offerValidity.isNegative()
                || offerValidity.isZero()) {
            throw new IllegalArgumentException("A late-seat window of zero or more and an offer validity above zero");
        }
    }

    /** Whether a seat freed {@code now} is offered rather than given: within the window, before the start. */
    public boolean offers(Instant start, Instant now) {
        return now.isBefore(start) && !now.isBefore(start.minus(window));
    }

    /** When an offer made {@code now} lapses: after its validity, at the latest when the session starts. */
    public Instant deadline(Instant start, Instant now) {
        Instant end = now.plus(offerValidity);
        return end.isBefore(start) ? end : start;
    }
}
