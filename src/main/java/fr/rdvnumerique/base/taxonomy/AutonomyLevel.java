package fr.rdvnumerique.base.taxonomy;

import fr.rdvnumerique.base.i18n.Labelled;

/** How autonomous the person was (individual activities), from least to most. */
public enum AutonomyLevel implements Labelled {
    ENTIEREMENT_ACCOMPAGNE,
    PARTIELLEMENT_AUTONOME,
    AUTONOME;

    @Override
    public String labelKey() {
        return Taxonomy.labelKey(this);
    }
}
