package fr.rdvnumerique.base.domain;

import fr.rdvnumerique.base.i18n.Labelled;

/**
 * How a person booked by staff wants to be told about their place (confirmation, reminders, changes). A booking
 * without a choice (the portal, the kiosk) is told by the contact the person gave: a mail, else a text message to
 * a mobile, else a call from the staff.
 */
public enum NoticeChoice implements Labelled {
    /** By e-mail. */
    EMAIL,
    /** By text message, to a mobile. */
    SMS,
    /** The staff call them (the « À appeler » list). */
    PHONE_CALL,
    /** Nothing: the person keeps the date themselves. */
    NONE;

    @Override
    public String labelKey() {
        return "notice-choice." + name();
    }

    /**
     * The message key of what is missing for this choice, or null when the contact allows it: a mail needs an
     * address, a text message a mobile number, a call any number.
     */
    public String missing(ContactDetails contact) {
        return switch (this) {
            case EMAIL -> contact.email() == null ? "notice-choice.needs-email" : null;
            case SMS -> contact.phone() == null || !contact.phone().isMobile() ? "notice-choice.needs-mobile" : null;
            case PHONE_CALL -> contact.phone() == null ? "notice-choice.needs-phone" : null;
            case NONE -> null;
        };
    }

    /** The stored value (null when none was chosen). */
    public static NoticeChoice fromDb(String value) {
        return value == null ? null : valueOf(value);
    }
}
