package fr.rdvnumerique.appointment;

import java.time.LocalDate;

/** A place closed from {@code firstDay} to {@code lastDay}, both included. */
public record ClosureForm(Long placeId, LocalDate firstDay, LocalDate lastDay, String reason) {
}
