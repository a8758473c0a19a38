package fr.rdvnumerique.base.taxonomy;

import fr.rdvnumerique.base.i18n.Labelled;

/** Where the person was referred on to, after an individual activity. */
public enum ReferralKind implements Labelled {
    ADMINISTRATION,
    AUTRE_STRUCTURE_MEDIATION_NUMERIQUE,
    OPERATEUR_DE_LA_DEMARCHE,
    STRUCTURE_AIDE_SOCIALE,
    STRUCTURE_INSERTION_PROFESSIONNELLE,
    FRANCE_SERVICES,
    AUTRE;

    @Override
    public String labelKey() {
        return Taxonomy.labelKey(this);
    }
}
