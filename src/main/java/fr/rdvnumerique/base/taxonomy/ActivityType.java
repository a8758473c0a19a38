package fr.rdvnumerique.base.taxonomy;

import fr.rdvnumerique.base.i18n.Labelled;

public enum ActivityType implements Labelled {
    /** Accompagnement individuel (a rendez-vous, or walk-in help). */
    INDIVIDUEL,
    /** Atelier collectif. */
    COLLECTIF;

    @Override
    public String labelKey() {
        return Taxonomy.labelKey(this);
    }
}
