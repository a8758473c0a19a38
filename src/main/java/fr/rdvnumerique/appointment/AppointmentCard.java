package fr.rdvnumerique.appointment;

import fr.rdvnumerique.territory.PlaceSummary;
import java.time.Instant;

/**
 * One appointment as the person sees it on the confirmation and management pages: when, where, how to get there,
 * and what they may still do.
 *
 * @param canChange     the person may still cancel or move it online (before the cut-off)
 * @param cutoffHours   the cut-off, in hours before the start
 * @param presenceConfirmedAt when the person said « Je viens », or null
 * @param email         the e-mail on file, or null
 * @param phone         the phone on file, as shown (national format), or null
 */
public record AppointmentCard(long id, AppointmentStatus status, String personName, long motifId, String motifLabel,
                              boolean aidantsConnect, Instant start, Instant end, PlaceSummary place,
                              String structureName, String structurePhone, boolean canChange, int cutoffHours,
                              boolean hasEmail, boolean hasPhone, Instant presenceConfirmedAt,
                              String email, String phone) {
}
