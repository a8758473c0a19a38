package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.domain.CancelledBy;
import java.time.Instant;

/**
 * A rendez-vous was cancelled, by the person or by staff.
 *
 * @param reason the reason staff gave (null when the person cancelled)
 */
public record AppointmentCancelled(long appointmentId, long advisorId, long placeId, long structureId, Instant start,
                                   Instant end, int sequence, CancelledBy cancelledBy, String reason) {
}
