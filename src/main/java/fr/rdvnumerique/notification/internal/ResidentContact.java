package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.base.domain.NoticeChoice;
import fr.rdvnumerique.base.domain.PhoneNumber;

/**
 * Who a resident's notices go to, as the booking says now.
 *
 * @param name   how to greet them (may be null)
 * @param email  their address, or null
 * @param phone  their number in E.164, or null
 * @param choice what staff recorded they want, or null (portal, kiosk): by the contact they gave
 */
public record ResidentContact(String name, String email, String phone, NoticeChoice choice) {

    /** How one notice reaches the person. */
    public enum Way { EMAIL, SMS, CALL, NONE }

    /**
     * The way to tell them. Their choice when it can be honoured; otherwise, and without a choice: a mail when they
     * gave an address, else a text message to a mobile when text messages are set up, else a call by the staff
     * when they gave any number. Someone who chose a text message whose number cannot get one (a landline, or no
     * provider) is called instead: nobody is left uninformed by a setting.
     */
    public Way way(boolean smsAvailable) {
        boolean mobile = phone != null && new PhoneNumber(phone).isMobile();
        if (choice != null) {
            switch (choice) {
                case NONE -> {
                    return Way.NONE;
                }
                case EMAIL -> {
                    if (email != null) {
                        return Way.EMAIL;
                    }
                }
                case SMS -> {
                    if (mobile && smsAvailable) {
                        return Way.SMS;
                    }
                    if (phone != null) {
                        return Way.CALL;
                    }
                }
                case PHONE_CALL -> {
                    if (phone != null) {
                        return Way.CALL;
                    }
                }
            }
        }
        if (email != null) {
            return Way.EMAIL;
        }
        if (mobile && smsAvailable) {
            return Way.SMS;
        }
        return phone != null ? Way.CALL : Way.NONE;
    }

    /** The person can be told something at all (reminders are planned only then). */
    public boolean reachable() {
        return way(true) != Way.NONE;
    }
}
