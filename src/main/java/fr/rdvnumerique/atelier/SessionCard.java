package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.territory.StepFreeAccess;
import java.time.Instant;
import java.util.Set;

/**
 * A session as residents (and the kiosk) see it: what, when, where and how to get there, and the seats left.
 *
 * @param seatsLeft        seats a newcomer can take now (0 when full or people are waiting)
 * @param registrationOpen whether the web and the kiosk accept registrations now
 */
public record SessionCard(long id, long structureId, long workshopId, String title, String description,
                          Set<Theme> themes, AtelierLevel level, String whatToBring, String equipmentProvided,
                          Instant start, Instant end, long placeId, String placeName, String placeAddress,
                          long communeId, String communeName, StepFreeAccess stepFreeAccess, String transport,
                          String parking, String placeNotes, int capacity, int confirmedSeats, int waitingCount,
                          int seatsLeft, boolean registrationOpen, Instant registrationOpensAt,
                          Instant registrationClosesAt, SessionStatus status) {

    public boolean full() {
        return seatsLeft == 0;
    }
}
