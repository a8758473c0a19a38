package fr.rdvnumerique.base.taxonomy;

import fr.rdvnumerique.base.i18n.Labelled;

public enum Gender implements Labelled {
    MASCULIN,
    FEMININ,
    NON_COMMUNIQUE;

    @Override
    public String labelKey() {
        return Taxonomy.labelKey(this);
    }
}
