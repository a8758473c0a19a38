package fr.rdvnumerique.appointment;

import java.time.LocalDateTime;

/**
 * An absence as staff enter it, in Paris time.
 *
 * @param cancelAppointments cancel the appointments booked in the period (the people are told by the
 *                           notification module); otherwise an appointment in the period blocks the absence
 */
public record AbsenceForm(Long advisorId, LocalDateTime start, LocalDateTime end, AbsenceKind kind, String note,
                          boolean cancelAppointments) {
}
