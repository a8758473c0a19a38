package fr.rdvnumerique.base.domain;

import fr.rdvnumerique.base.i18n.Labelled;

/** Who cancelled a registration or an appointment: the person themselves (private link, kiosk) or staff. */
public enum CancelledBy implements Labelled {
    PERSON,
    STAFF;

    @Override
    public String labelKey() {
        return "cancelled-by." + name();
    }
}
