package fr.rdvnumerique.base.taxonomy;

public enum Gender {
    MASCULIN,
    FEMININ,
    NON_COMMUNIQUE
}
