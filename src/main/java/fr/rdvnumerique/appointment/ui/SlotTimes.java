package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.Component;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.time.ParisTime;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * How a slot's time is written and identified. On the last Sunday of October the hour from 2:00 to 3:00 happens
 * twice in Paris: two slots can read "2 h 00". They are told apart by "(heure d'été)" / "(heure d'hiver)", and
 * identified by their instant, never by the wall-clock time.
 */
final class SlotTimes {

    private SlotTimes() {
    }

    /** "10 h 00", or "2 h 00 (heure d'été)" for a time that happens twice that day. */
    static String label(Component host, Instant start) {
        return distinguished(host, start, FrenchDates.time(LocalDateTime.ofInstant(start, ParisTime.ZONE).toLocalTime()));
    }

    /** "dimanche 25 octobre 2026 à 2 h 00 (heure d'hiver)": the day and time, told apart the same way. */
    static String dayAndTime(Component host, Instant start) {
        return distinguished(host, start, FrenchDates.dayAndTime(start));
    }

    private static String distinguished(Component host, Instant start, String text) {
        LocalDateTime local = LocalDateTime.ofInstant(start, ParisTime.ZONE);
        if (ParisTime.ZONE.getRules().getValidOffsets(local).size() < 2) {
            return text;
        }
        boolean summer = ParisTime.ZONE.getRules().isDaylightSavings(start);
        return host.getTranslation(summer ? "appointment.time.summer" : "appointment.time.winter", text);
    }

    static String label(Component host, FreeSlot slot) {
        return label(host, slot.start());
    }

    /** A component id unique among the slots of any day: "time-" and the start's epoch second. */
    static String id(FreeSlot slot) {
        return "time-" + slot.start().getEpochSecond();
    }
}
