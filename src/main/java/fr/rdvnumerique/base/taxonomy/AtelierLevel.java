package fr.rdvnumerique.base.taxonomy;

import fr.rdvnumerique.base.i18n.Labelled;

public enum AtelierLevel implements Labelled {
    DEBUTANT,
    INTERMEDIAIRE,
    AVANCE;

    @Override
    public String labelKey() {
        return Taxonomy.labelKey(this);
    }
}
