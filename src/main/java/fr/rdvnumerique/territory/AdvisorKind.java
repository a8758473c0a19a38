package fr.rdvnumerique.territory;

public enum AdvisorKind {
    /** Conseiller numérique (France Services), recruited by a public structure with a State subsidy. */
    CONSEILLER_NUMERIQUE,
    /** Médiateur numérique, typically employed by an intercommunality. */
    MEDIATEUR_NUMERIQUE
}
