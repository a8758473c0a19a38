package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.base.i18n.Labelled;

/** Why a message is sent. Part of its deduplication key, shown on the outbox screen. */
public enum MessageKind implements Labelled {
    APPOINTMENT_BOOKED,
    APPOINTMENT_MOVED,
    APPOINTMENT_CANCELLED,
    ATELIER_REGISTRATION_CONFIRMED,
    ATELIER_WAITLIST_JOINED,
    ATELIER_PROMOTED,
    ATELIER_REGISTRATION_CANCELLED,
    ATELIER_SESSION_CANCELLED,
    /** The session moved (time or place): an updated invitation for people with a seat. */
    ATELIER_SESSION_MOVED,
    /** Staff lowered the capacity: the person's seat is gone, they wait again. */
    ATELIER_MOVED_TO_WAITING_LIST,
    /** The person moved their registration to another date of the same workshop: an updated invitation. */
    ATELIER_REGISTRATION_MOVED,
    /** A seat freed shortly before the session is held for the person until a deadline: confirm it. */
    ATELIER_SEAT_OFFERED,
    /** To the former address of a booking whose contact the person changed: a notice, without link. */
    CONTACT_CHANGED,
    REMINDER,
    STAFF_NOTICE,
    STAFF_DIGEST;

    @Override
    public String labelKey() {
        return "notification.kind." + name();
    }
}
