package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import java.time.Instant;

/** A session in the staff's lists. */
public record SessionSummary(long id, long workshopId, String title, AtelierLevel level, Instant start, Instant end,
                             long placeId, String placeName, long advisorId, String advisorName, int capacity,
                             int confirmedSeats, int waitingCount, SessionStatus status, String seriesKey,
                             Instant registrationClosesAt, long editVersion) {

    public int seatsLeft() {
        return Math.max(0, capacity - confirmedSeats);
    }
}
