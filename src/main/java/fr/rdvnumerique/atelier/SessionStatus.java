package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.i18n.Labelled;

public enum SessionStatus implements Labelled {
    SCHEDULED,
    CANCELLED;

    @Override
    public String labelKey() {
        return "atelier.session.status." + name();
    }
}
