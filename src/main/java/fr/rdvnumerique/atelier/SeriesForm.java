package fr.rdvnumerique.atelier;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Several sessions at once: e.g. every Tuesday at 14:00 for six weeks ({@code occurrences} = 6,
 * {@code intervalWeeks} = 1). All are created, or none.
 */
public record SeriesForm(Long workshopId, Long placeId, Long advisorId, LocalDate firstDate, LocalTime startTime,
                         LocalTime endTime, Integer capacity, Integer occurrences, Integer intervalWeeks,
                         Duration closesBefore) {

    public static final int MAX_OCCURRENCES = 26;
}
