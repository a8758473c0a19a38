package fr.rdvnumerique.base.i18n;

import fr.rdvnumerique.base.time.ParisTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates written out the way residents read them: "mardi 3 décembre 2024 à 14 h 00".
 * Everything is shown in Paris time, whatever the server's zone.
 */
public final class FrenchDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DAY_NO_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.FRENCH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.FRENCH);

    private FrenchDates() {
    }

    /** "mardi 3 décembre 2024". */
    public static String day(LocalDate date) {
        return firstOfMonth(DAY.format(date), date);
    }

    /** "mardi 3 décembre", for lists where the year is obvious. */
    public static String dayWithoutYear(LocalDate date) {
        return firstOfMonth(DAY_NO_YEAR.format(date), date);
    }

    /** "mar. 3 déc.". */
    public static String shortDay(LocalDate date) {
        return SHORT_DAY.format(date);
    }

    /** "14 h 00", "9 h 30". */
    public static String time(LocalTime time) {
        return time.getHour() + " h " + String.format("%02d", time.getMinute());
    }

    /** "mardi 3 décembre 2024 à 14 h 00". */
    public static String dayAndTime(Instant instant) {
        ZonedDateTime local = instant.atZone(ParisTime.ZONE);
        return day(local.toLocalDate()) + " à " + time(local.toLocalTime());
    }

    /** "de 14 h 00 à 16 h 00". */
    public static String timeRange(Instant start, Instant end) {
        return "de " + time(start.atZone(ParisTime.ZONE).toLocalTime())
                + " à " + time(end.atZone(ParisTime.ZONE).toLocalTime());
    }

    /** "mardi 3 décembre 2024, de 14 h 00 à 16 h 00". */
    public static String dayAndTimeRange(Instant start, Instant end) {
        return day(start.atZone(ParisTime.ZONE).toLocalDate()) + ", " + timeRange(start, end);
    }

    // French writes "1er" for the first day of the month.
    private static String firstOfMonth(String text, LocalDate date) {
        return date.getDayOfMonth() == 1 ? text.replaceFirst(" 1 ", " 1er ") : text;
    }
}
