package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.i18n.Labelled;

/** Who cancelled an appointment: the person themselves (private link, kiosk) or a staff member. */
public enum CancelledBy implements Labelled {
    PERSON,
    STAFF;

    @Override
    public String labelKey() {
        return "appointment.cancelled-by." + name();
    }
}
