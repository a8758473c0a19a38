package fr.rdvnumerique.base.taxonomy;

public enum OccupationStatus {
    SCOLARISE,
    SANS_EMPLOI,
    EN_EMPLOI,
    RETRAITE,
    NON_COMMUNIQUE
}
