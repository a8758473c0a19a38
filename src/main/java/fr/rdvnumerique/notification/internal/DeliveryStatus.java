package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.base.i18n.Labelled;

/** Where a message of the outbox stands. */
public enum DeliveryStatus implements Labelled {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** Claimed by a dispatcher, which holds a lease on it. */
    SENDING,
    SENT,
    /** Given up after the last attempt, or refused for good by the mail server. */
    FAILED;

    @Override
    public String labelKey() {
        return "notification.status." + name();
    }
}
