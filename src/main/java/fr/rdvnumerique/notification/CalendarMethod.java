package fr.rdvnumerique.notification;

/** iTIP method (RFC 5546) of a calendar invitation: a new or changed event, or its cancellation. */
public enum CalendarMethod {
    REQUEST,
    CANCEL
}
