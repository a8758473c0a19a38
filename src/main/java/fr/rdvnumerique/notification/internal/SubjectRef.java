package fr.rdvnumerique.notification.internal;

import java.util.Locale;

/**
 * What a message or reminder is about, by the owning module's type code and id, e.g.
 * {@code ATELIER_REGISTRATION}/42 or {@code APPOINTMENT}/7.
 */
public record SubjectRef(String type, long id) {

    public SubjectRef {
        if (type == null || !type.matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw new IllegalArgumentException("Subject type must be an upper-case code of at most 40 characters: " + type);
        }
    }

    public static SubjectRef of(String type, long id) {
        return new SubjectRef(type, id);
    }

    /** "atelier-registration-42", used in calendar UIDs. */
    public String slug() {
        return type.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + id;
    }

    @Override
    public String toString() {
        return type + ":" + id;
    }
}
