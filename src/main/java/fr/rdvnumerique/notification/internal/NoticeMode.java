package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.base.i18n.Labelled;

/** What a staff member hears about the bookings and cancellations of their agenda. */
public enum NoticeMode implements Labelled {
    EVERY_EVENT,
    DAILY_DIGEST,
    NONE;

    @Override
    public String labelKey() {
        return "notification.notice-mode." + name();
    }
}
