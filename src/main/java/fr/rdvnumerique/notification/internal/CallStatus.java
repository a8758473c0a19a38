package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.base.i18n.Labelled;

/** Where a call of the « À appeler » list stands. */
public enum CallStatus implements Labelled {
    /** Nobody tried yet. */
    DUE,
    /** Tried, nobody answered: still to call. */
    NO_ANSWER,
    /** Done: the person was told. */
    CALLED,
    /** A later call about the same booking replaced it, or there is nothing left to tell. */
    SUPERSEDED;

    @Override
    public String labelKey() {
        return "notification.call.status." + name();
    }

    public boolean open() {
        return this == DUE || this == NO_ANSWER;
    }
}
