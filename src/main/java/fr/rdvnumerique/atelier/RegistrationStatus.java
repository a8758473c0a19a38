package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.i18n.Labelled;

public enum RegistrationStatus implements Labelled {
    CONFIRMED,
    WAITING,
    CANCELLED;

    public boolean isActive() {
        return this != CANCELLED;
    }

    @Override
    public String labelKey() {
        return "atelier.registration.status." + name();
    }
}
