package fr.rdvnumerique.appointment;

import java.time.LocalDate;

/**
 * A place closed from {@code firstDay} to {@code lastDay}, both included.
 *
 * @param cancelAppointments cancel the appointments already booked there on those days (the people are told, with
 *                           the closure's reason); otherwise such appointments block the closure
 */
public record ClosureForm(Long placeId, LocalDate firstDay, LocalDate lastDay, String reason,
                          boolean cancelAppointments) {

}
