package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.i18n.Labelled;

/** Where a booking was made, for the yearly report. */
public enum Channel implements Labelled {
    /** The resident, on the public portal. */
    WEB,
    /** The touch screen at the médiathèque. */
    KIOSK,
    /** A staff member, on someone's behalf (phone call, walk-in). */
    STAFF;

    @Override
    public String labelKey() {
        return "appointment.channel." + name();
    }
}
