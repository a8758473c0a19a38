package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.i18n.Labelled;

/** How a registration was made; the yearly report counts them. */
public enum Channel implements Labelled {
    /** The public portal. */
    WEB,
    /** The touch screen at the médiathèque. */
    KIOSK,
    /** A staff member, for someone who called or walked in. */
    STAFF;

    @Override
    public String labelKey() {
        return "atelier.channel." + name();
    }
}
