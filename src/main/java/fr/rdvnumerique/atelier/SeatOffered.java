package fr.rdvnumerique.atelier;

import java.time.Instant;

/**
 * A seat freed shortly before the session is held for this waiting person until {@code expiresAt}: they confirm
 * it (their link, or staff on the phone), or it goes to the next person.
 */
public record SeatOffered(long registrationId, long sessionId, long structureId, Instant expiresAt, int sequence) {
}
