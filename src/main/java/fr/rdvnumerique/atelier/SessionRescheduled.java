package fr.rdvnumerique.atelier;

import java.time.Instant;

/** A session moved (time or place); one event per active registration, so that each person is told. */
public record SessionRescheduled(long registrationId, long sessionId, long structureId, Instant previousStart,
                                 Instant previousEnd, long previousPlaceId, Instant start, Instant end, long placeId,
                                 int sequence) {
}
