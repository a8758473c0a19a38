package fr.rdvnumerique.base.taxonomy;

public enum EquipmentUsed {
    ORDINATEUR,
    TELEPHONE,
    TABLETTE,
    AUTRE,
    PAS_DE_MATERIEL
}
