package fr.rdvnumerique.base.taxonomy;

/** Where an activity took place. */
public enum ActivityLocation {
    LIEU_ACTIVITE,
    A_DOMICILE,
    A_DISTANCE,
    AUTRE
}
