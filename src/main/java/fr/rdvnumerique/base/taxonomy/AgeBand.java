package fr.rdvnumerique.base.taxonomy;

import fr.rdvnumerique.base.i18n.Labelled;

/** Optional; "non communiqué" is always allowed. */
public enum AgeBand implements Labelled {
    MOINS_DE_12,
    DE_12_A_17,
    DE_18_A_24,
    DE_25_A_39,
    DE_40_A_59,
    DE_60_A_69,
    PLUS_DE_70,
    NON_COMMUNIQUE;

    @Override
    public String labelKey() {
        return Taxonomy.labelKey(this);
    }
}
