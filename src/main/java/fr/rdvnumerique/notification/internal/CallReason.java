package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.base.i18n.Labelled;

/** What a call of the « À appeler » list is about. */
public enum CallReason implements Labelled {
    CONFIRMATION,
    REMINDER,
    PROMOTION,
    CANCELLATION,
    TIME_CHANGE,
    SEAT_OFFER;

    @Override
    public String labelKey() {
        return "notification.call.reason." + name();
    }
}
