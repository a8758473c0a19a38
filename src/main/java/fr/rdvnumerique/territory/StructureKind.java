package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.i18n.Labelled;

/** Who runs the service. */
public enum StructureKind implements Labelled {
    /** A commune employs the advisor and shares them with partner communes (Ludres, Saint-Usage). */
    MUTUALISATION,
    COMMUNE,
    INTERCOMMUNALITE,
    ASSOCIATION,
    AUTRE;

    @Override
    public String labelKey() {
        return "territory.structure.kind." + name();
    }
}
