package fr.rdvnumerique.appointment;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

public record OpeningHoursSummary(long id, long advisorId, String advisorName, long placeId, String placeName,
                                  DayOfWeek weekday, LocalTime start, LocalTime end, LocalDate validFrom,
                                  LocalDate validUntil) {
}
