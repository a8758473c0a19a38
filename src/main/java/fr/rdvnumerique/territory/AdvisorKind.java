package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.i18n.Labelled;

public enum AdvisorKind implements Labelled {
    /** Conseiller numérique (France Services), recruited by a public structure with a State subsidy. */
    CONSEILLER_NUMERIQUE,
    /** Médiateur numérique, typically employed by an intercommunality. */
    MEDIATEUR_NUMERIQUE;

    @Override
    public String labelKey() {
        return "territory.advisor.kind." + name();
    }
}
