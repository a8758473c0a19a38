package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.i18n.Labelled;

/** Whether a confirmed person came, for the yearly report. */
public enum Attendance implements Labelled {
    PRESENT,
    ABSENT,
    /** Told us beforehand that they could not come. */
    EXCUSE;

    @Override
    public String labelKey() {
        return "atelier.attendance." + name();
    }
}
