package fr.rdvnumerique.notification.internal;

import java.time.Instant;

/**
 * One atelier session of a structure's public programme: no personal data.
 *
 * @param sessionId stable id, used for the calendar UID
 * @param seatsLeft seats still free (0 when full)
 */
public record ProgrammeItem(long sessionId, String title, Instant start, Instant end, String placeName,
                            String address, int seatsLeft) {
}
