package fr.rdvnumerique.base.retention;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record a module holds about a person, for an access request (RGPD art. 15) and the erasure screen.
 *
 * @param module      the module holding it, as an i18n key ({@code rgpd.module.appointment})
 * @param kind        what it is, as an i18n key ({@code rgpd.kind.waiting-list})
 * @param id          its id in that module
 * @param structureId the structure it belongs to
 * @param when        when it happens or happened (the activity's start, the message's creation), null if unknown
 * @param upcoming    an activity still to come that holds a seat or a slot: it is cancelled first, then erased
 * @param fields      i18n keys of labels ({@code rgpd.field.email}) → values as stored (text, numbers, codes such as
 *                    {@code CONFIRMED}, {@link Instant}s, {@link java.time.LocalDate}s); null and blank values are
 *                    left out
 */
public record HeldItem(String module, String kind, long id, long structureId, Instant when, boolean upcoming,
                       Map<String, Object> fields) {

    public HeldItem {
        var kept = new LinkedHashMap<String, Object>();
        fields.forEach((key, value) -> {
            if (value != null && !(value instanceof String text && text.isBlank())) {
                kept.put(key, value);
            }
        });
        fields = Collections.unmodifiableMap(kept);
    }

    /**
     * When, as the screen and the PDF show it: a record of a whole day (an activity record) by its day, not as
     * « à 0 h 00 ».
     */
    public String whenText() {
        if (when == null) {
            return "";
        }
        var local = when.atZone(fr.rdvnumerique.base.time.ParisTime.ZONE);
        if (local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && fields.containsValue(local.toLocalDate())) {
            return fr.rdvnumerique.base.i18n.FrenchDates.day(local.toLocalDate());
        }
        return fr.rdvnumerique.base.i18n.FrenchDates.dayAndTime(when);
    }

    /**
     * A stored code as its enum constant, so the PDF shows its French label and the JSON its name; a code the enum
     * does not know stays as stored.
     */
    public static <E extends Enum<E> & fr.rdvnumerique.base.i18n.Labelled> Object code(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** A stored code without an enum of its own, with the i18n key of its label. */
    public record Code(String value, String labelKey) implements fr.rdvnumerique.base.i18n.Labelled {

        @Override
        public String toString() {
            return value;
        }
    }
}
