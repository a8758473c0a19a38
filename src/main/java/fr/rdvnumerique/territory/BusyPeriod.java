package fr.rdvnumerique.territory;

import java.time.Instant;

/**
 * A stretch of an advisor's time taken by one activity.
 *
 * @param placeId where the activity happens, when the activity said so (null for absences)
 */
public record BusyPeriod(Instant start, Instant end, String ownerKind, long ownerId, String label, Long placeId) {

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
