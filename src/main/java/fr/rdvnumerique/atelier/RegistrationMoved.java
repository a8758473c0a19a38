package fr.rdvnumerique.atelier;

import java.time.Instant;

/**
 * The person moved their registration to another session of the same workshop (same registration, same links,
 * same calendar UID; a new SEQUENCE): they now hold a seat in {@code sessionId}.
 */
public record RegistrationMoved(long registrationId, long previousSessionId, long sessionId, long structureId,
                                Instant previousStart, Instant previousEnd, long previousPlaceId, Instant start,
                                Instant end, long placeId, int sequence) {
}
