package fr.rdvnumerique.base.taxonomy;

import fr.rdvnumerique.base.i18n.Labelled;

/** Digital themes of an activity (several per activity). */
public enum Theme implements Labelled {
    DIAGNOSTIC_NUMERIQUE,
    PRENDRE_EN_MAIN_DU_MATERIEL,
    MAINTENANCE_DE_MATERIEL,
    GERER_SES_CONTENUS_NUMERIQUES,
    NAVIGATION_SUR_INTERNET,
    EMAIL,
    BUREAUTIQUE,
    RESEAUX_SOCIAUX,
    SANTE,
    BANQUE_ET_ACHATS_EN_LIGNE,
    ENTREPRENEURIAT,
    INSERTION_PROFESSIONNELLE,
    SECURITE_NUMERIQUE,
    PARENTALITE,
    SCOLARITE_ET_NUMERIQUE,
    CREER_AVEC_LE_NUMERIQUE,
    CULTURE_NUMERIQUE,
    INTELLIGENCE_ARTIFICIELLE,
    AIDE_AUX_DEMARCHES_ADMINISTRATIVES;

    /** The national code, e.g. {@code prendre_en_main_du_materiel}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String labelKey() {
        return Taxonomy.labelKey(this);
    }
}
