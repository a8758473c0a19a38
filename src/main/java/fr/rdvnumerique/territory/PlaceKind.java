package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.i18n.Labelled;

public enum PlaceKind implements Labelled {
    MEDIATHEQUE,
    MAIRIE,
    MAIRIE_DE_QUARTIER,
    TIERS_LIEU,
    AUTRE;

    @Override
    public String labelKey() {
        return "territory.place.kind." + name();
    }
}
