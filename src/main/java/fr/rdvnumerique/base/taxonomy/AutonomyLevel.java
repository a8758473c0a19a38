package fr.rdvnumerique.base.taxonomy;

/** How autonomous the person was (individual activities), from least to most. */
public enum AutonomyLevel {
    ENTIEREMENT_ACCOMPAGNE,
    PARTIELLEMENT_AUTONOME,
    AUTONOME
}
