package fr.rdvnumerique.base.taxonomy;

public enum ActivityType {
    /** Accompagnement individuel (a rendez-vous, or walk-in help). */
    INDIVIDUEL,
    /** Atelier collectif. */
    COLLECTIF
}
