package fr.rdvnumerique.base.taxonomy;

import fr.rdvnumerique.base.i18n.Labelled;

public enum EquipmentUsed implements Labelled {
    ORDINATEUR,
    TELEPHONE,
    TABLETTE,
    AUTRE,
    PAS_DE_MATERIEL;

    @Override
    public String labelKey() {
        return Taxonomy.labelKey(this);
    }
}
