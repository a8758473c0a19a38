package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.i18n.Labelled;

/** Who cancelled a registration. */
public enum CancelledBy implements Labelled {
    PERSON,
    STAFF;

    @Override
    public String labelKey() {
        return "atelier.cancelled-by." + name();
    }
}
