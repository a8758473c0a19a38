package fr.rdvnumerique.appointment;

import java.time.Instant;

/** A rendez-vous moved to another time (and possibly another advisor). */
public record AppointmentRescheduled(long appointmentId, long advisorId, long placeId, long structureId,
                                     Instant previousStart, Instant previousEnd, long previousAdvisorId,
                                     Instant start, Instant end, int sequence) {
}
