package fr.rdvnumerique.base.taxonomy;

public enum AtelierLevel {
    DEBUTANT,
    INTERMEDIAIRE,
    AVANCE
}
