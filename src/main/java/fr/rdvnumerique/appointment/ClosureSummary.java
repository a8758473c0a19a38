package fr.rdvnumerique.appointment;

import java.time.LocalDate;

public record ClosureSummary(long id, long placeId, String placeName, LocalDate firstDay, LocalDate lastDay,
                             String reason) {
}
