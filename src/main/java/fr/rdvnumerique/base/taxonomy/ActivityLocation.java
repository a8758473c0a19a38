package fr.rdvnumerique.base.taxonomy;

import fr.rdvnumerique.base.i18n.Labelled;

/** Where an activity took place. */
public enum ActivityLocation implements Labelled {
    LIEU_ACTIVITE,
    A_DOMICILE,
    A_DISTANCE,
    AUTRE;

    @Override
    public String labelKey() {
        return Taxonomy.labelKey(this);
    }
}
