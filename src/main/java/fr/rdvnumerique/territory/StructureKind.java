package fr.rdvnumerique.territory;

/** Who runs the service. */
public enum StructureKind {
    /** A commune employs the advisor and shares them with partner communes (Ludres, Saint-Usage). */
    MUTUALISATION,
    COMMUNE,
    INTERCOMMUNALITE,
    ASSOCIATION,
    AUTRE
}
