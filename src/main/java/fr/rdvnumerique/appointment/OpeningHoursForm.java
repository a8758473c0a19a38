package fr.rdvnumerique.appointment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/** A plage d'ouverture as the coordinator edits it; {@code validUntil} empty means "until further notice". */
public record OpeningHoursForm(Long advisorId, Long placeId, DayOfWeek weekday, LocalTime start, LocalTime end,
                               LocalDate validFrom, LocalDate validUntil) {
}
