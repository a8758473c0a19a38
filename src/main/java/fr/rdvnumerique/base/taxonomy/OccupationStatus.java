package fr.rdvnumerique.base.taxonomy;

import fr.rdvnumerique.base.i18n.Labelled;

public enum OccupationStatus implements Labelled {
    SCOLARISE,
    SANS_EMPLOI,
    EN_EMPLOI,
    RETRAITE,
    NON_COMMUNIQUE;

    @Override
    public String labelKey() {
        return Taxonomy.labelKey(this);
    }
}
