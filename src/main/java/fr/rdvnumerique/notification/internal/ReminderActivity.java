package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.base.i18n.Labelled;

/** The two kinds of activity that get reminders, each with its own default schedule. */
public enum ReminderActivity implements Labelled {
    /** Overrides are per motif (id of the appointment module's motif). */
    APPOINTMENT,
    /** Overrides are per workshop (id of the atelier module's workshop). */
    ATELIER;

    @Override
    public String labelKey() {
        return "notification.activity." + name();
    }
}
