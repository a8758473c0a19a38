package fr.rdvnumerique.territory;

public enum PlaceKind {
    MEDIATHEQUE,
    MAIRIE,
    MAIRIE_DE_QUARTIER,
    TIERS_LIEU,
    AUTRE
}
