package fr.rdvnumerique.base.domain;

import fr.rdvnumerique.base.i18n.Labelled;

/** How a resident's request reached us: registrations and appointments record it, the yearly report counts it. */
public enum Channel implements Labelled {
    /** The public portal. */
    WEB,
    /** The touch screen at the médiathèque. */
    KIOSK,
    /** A staff member, for someone who called or walked in. */
    STAFF;

    @Override
    public String labelKey() {
        return "channel." + name();
    }
}
