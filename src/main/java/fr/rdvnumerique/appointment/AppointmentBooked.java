package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.domain.Channel;
import java.time.Instant;

/** A rendez-vous was booked (by the person, at the kiosk or by staff). Published in the booking transaction. */
public record AppointmentBooked(long appointmentId, long advisorId, long placeId, long structureId, long motifId,
                                Instant start, Instant end, int sequence, Channel channel) {
}
