package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.i18n.Labelled;

/** Can a wheelchair user get in without steps? */
public enum StepFreeAccess implements Labelled {
    YES,
    PARTIAL,
    NO,
    UNKNOWN;

    @Override
    public String labelKey() {
        return "territory.place.access." + name();
    }
}
