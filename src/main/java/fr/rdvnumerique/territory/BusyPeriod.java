package fr.rdvnumerique.territory;

import java.time.Instant;

/**
 * A stretch of an advisor's time taken by one activity.
 *
 * @param placeId where the activity happens, when the activity said so (null for absences)
 */
public record BusyPeriod(Instant start, Instant end, String ownerKind, long ownerId, String label, Long placeId) {

    /** A period whose place is not known. */
    public BusyPeriod(Instant start, Instant end, String ownerKind, long ownerId, String label) {
        this(start, end, ownerKind, ownerId, label, null);
    }

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
