package fr.rdvnumerique.notification.domain;

import java.io.IOException;
import java.io.StringReader;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * The Europe/Paris time zone as calendar clients expect it (the rules in force since 1996, as Outlook writes
 * them), rather than iCal4j's bundled one with its whole history. Feeds carry it so that they always hold a
 * component, even with no event (RFC 5545 wants at least one), and so clients know the publisher's zone.
 */
public final class ParisTimeZone {

    public static final String TZID = "Europe/Paris";

    private static final String TEXT = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//RDV Numérique//Fuseau//FR\r
            BEGIN:VTIMEZONE\r
            TZID:Europe/Paris\r
            X-LIC-LOCATION:Europe/Paris\r
            BEGIN:DAYLIGHT\r
            TZNAME:CEST\r
            TZOFFSETFROM:+0100\r
            TZOFFSETTO:+0200\r
            DTSTART:19700329T020000\r
            RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
            END:DAYLIGHT\r
            BEGIN:STANDARD\r
            TZNAME:CET\r
            TZOFFSETFROM:+0200\r
            TZOFFSETTO:+0100\r
            DTSTART:19701025T030000\r
            RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
            END:STANDARD\r
            END:VTIMEZONE\r
            END:VCALENDAR\r
            """;

    private ParisTimeZone() {
    }

    /** A fresh copy (components are mutable). */
    public static VTimeZone component() {
        try {
            return new CalendarBuilder().build(new StringReader(TEXT)).<VTimeZone>getComponents("VTIMEZONE").getFirst();
        } catch (IOException | ParserException e) {
            throw new IllegalStateException(e);
        }
    }
}
