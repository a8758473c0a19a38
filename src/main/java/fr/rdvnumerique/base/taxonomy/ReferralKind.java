package fr.rdvnumerique.base.taxonomy;

/** Where the person was referred on to, after an individual activity. */
public enum ReferralKind {
    ADMINISTRATION,
    AUTRE_STRUCTURE_MEDIATION_NUMERIQUE,
    OPERATEUR_DE_LA_DEMARCHE,
    STRUCTURE_AIDE_SOCIALE,
    STRUCTURE_INSERTION_PROFESSIONNELLE,
    FRANCE_SERVICES,
    AUTRE
}
