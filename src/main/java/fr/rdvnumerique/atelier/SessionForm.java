package fr.rdvnumerique.atelier;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A session as staff plan it, in Paris local time.
 *
 * @param registrationOpensOn first day of registration (open at once when null)
 * @param closesBefore        online registration closes this long before the start, to the minute (the usual
 *                            delay when null; staff can still add people until the end)
 */
public record SessionForm(Long workshopId, Long placeId, Long advisorId, LocalDate date, LocalTime startTime,
                          LocalTime endTime, Integer capacity, LocalDate registrationOpensOn,
                          Duration closesBefore) {
}
