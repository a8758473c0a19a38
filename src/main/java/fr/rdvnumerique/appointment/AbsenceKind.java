package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.i18n.Labelled;

public enum AbsenceKind implements Labelled {
    CONGE,
    FORMATION,
    MALADIE,
    AUTRE;

    @Override
    public String labelKey() {
        return "appointment.absence.kind." + name();
    }
}
