package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.i18n.Labelled;

public enum AppointmentStatus implements Labelled {
    BOOKED,
    CANCELLED,
    DONE,
    NO_SHOW;

    @Override
    public String labelKey() {
        return "appointment.status." + name();
    }
}
