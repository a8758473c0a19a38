package fr.rdvnumerique.notification.internal;

/**
 * iTIP method (RFC 5546) of a calendar file: a new or changed event sent to its attendee, its cancellation, or
 * a plain copy the person adds to their own agenda ("Ajouter à mon agenda", no attendee).
 */
public enum CalendarMethod {
    REQUEST,
    CANCEL,
    PUBLISH
}
