package fr.rdvnumerique.base.taxonomy;

import fr.rdvnumerique.base.i18n.Labelled;

/** Procedure themes, recorded with {@link Theme#AIDE_AUX_DEMARCHES_ADMINISTRATIVES}. */
public enum AdministrativeTheme implements Labelled {
    PAPIERS_ELECTIONS_CITOYENNETE,
    FAMILLE_SCOLARITE,
    SOCIAL_SANTE,
    TRAVAIL_FORMATION,
    LOGEMENT,
    TRANSPORTS_MOBILITE,
    ARGENT_IMPOTS,
    JUSTICE,
    ETRANGERS_EUROPE,
    LOISIRS_SPORTS_CULTURE,
    ASSOCIATIONS;

    @Override
    public String labelKey() {
        return Taxonomy.labelKey(this);
    }
}
