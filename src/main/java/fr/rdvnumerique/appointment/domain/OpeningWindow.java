package fr.rdvnumerique.appointment.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/** Opening hours as slot generation reads them: an advisor receives at a place every weekday, from–to. */
public record OpeningWindow(long advisorId, long placeId, DayOfWeek weekday, LocalTime start, LocalTime end,
                            LocalDate validFrom, LocalDate validUntil) {

    public boolean appliesOn(LocalDate day) {
        return day.getDayOfWeek() == weekday && !day.isBefore(validFrom)
                && (validUntil == null || !day.isAfter(validUntil));
    }
}
