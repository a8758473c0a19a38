package fr.rdvnumerique.base.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every code of ours speaks the Coop's word, one each, and comes back from it. */
class CoopVocabularyTest {

    /** The Coop's values as its activity record lists them (schema.prisma and form rules, 2026). */
    private static final Map<Class<? extends Enum<?>>, List<String>> COOP = Map.ofEntries(
            Map.entry(ActivityType.class, List.of("individuel", "collectif")),
            Map.entry(Theme.class, List.of("diagnostic_numerique", "prendre_en_main_du_materiel",
                    "maintenance_de_materiel", "gere_ses_contenus_numeriques", "navigation_sur_internet", "email",
                    "bureautique", "reseaux_sociaux", "sante", "banque_et_achats_en_ligne", "entrepreneuriat",
                    "insertion_professionnelle", "securite_numerique", "parentalite", "scolarite_et_numerique",
                    "creer_avec_le_numerique", "culture_numerique", "intelligence_artificielle",
                    "aide_aux_demarches_administratives")),
            Map.entry(AdministrativeTheme.class, List.of("papiers_elections_citoyennete", "famille_scolarite",
                    "social_sante", "travail_formation", "logement", "transports_mobilite", "argent_impots", "justice",
                    "etrangers_europe", "loisirs_sports_culture", "associations")),
            Map.entry(EquipmentUsed.class, List.of("ordinateur", "telephone", "tablette", "autre", "aucun")),
            Map.entry(ActivityLocation.class, List.of("lieu_activite", "domicile", "a_distance", "autre")),
            Map.entry(AutonomyLevel.class, List.of("entierement_accompagne", "partiellement_autonome", "autonome")),
            Map.entry(ReferralKind.class, List.of("administration", "mediation_numerique",
                    "operateur_ou_organisme_en_charge", "aide_sociale", "insertion_professionnelle",
                    "aide_aux_demarches_administratives", "autre")),
            Map.entry(AtelierLevel.class, List.of("debutant", "intermediaire", "avance")),
            Map.entry(Gender.class, List.of("masculin", "feminin", "non_communique")),
            Map.entry(AgeBand.class, List.of("moins_de_douze", "douze_dix_huit", "dix_huit_vingt_quatre",
                    "vingt_cinq_trente_neuf", "quarante_cinquante_neuf", "soixante_soixante_neuf", "soixante_dix_plus",
                    "non_communique")),
            Map.entry(OccupationStatus.class, List.of("scolarise", "sans_emploi", "en_emploi", "retraite",
                    "non_communique")));

    @Test
    void every_code_of_ours_maps_to_exactly_one_coop_value_and_back() {
        COOP.forEach((type, coopValues) -> {
            var ours = Arrays.asList(type.getEnumConstants());
            var words = ours.stream().map(CoopVocabulary::coop).toList();
            assertThat(words).as(type.getSimpleName()).doesNotHaveDuplicates();
            assertThat(coopValues).as(type.getSimpleName()).containsAll(words);
            for (Enum<?> value : ours) {
                assertThat(back(type, CoopVocabulary.coop(value))).as("%s back", value).isEqualTo(value);
            }
        });
    }

    @Test
    void every_coop_value_has_a_code_of_ours() {
        // Our lists cover the Coop's: nothing an advisor records is lost, nothing the Coop asks is missing.
        COOP.forEach((type, coopValues) -> assertThat(coopValues)
                .allSatisfy(word -> assertThat(back(type, word)).as("%s %s", type.getSimpleName(), word).isNotNull()));
    }

    @Test
    void where_the_words_differ_the_mapping_says_so() {
        assertThat(CoopVocabulary.coop(Theme.GERER_SES_CONTENUS_NUMERIQUES)).isEqualTo("gere_ses_contenus_numeriques");
        assertThat(CoopVocabulary.coop(AgeBand.DE_12_A_17)).isEqualTo("douze_dix_huit");
        assertThat(CoopVocabulary.coop(AgeBand.DE_18_A_24)).isEqualTo("dix_huit_vingt_quatre");
        assertThat(CoopVocabulary.coop(AgeBand.PLUS_DE_70)).isEqualTo("soixante_dix_plus");
        assertThat(CoopVocabulary.coop(ActivityLocation.A_DOMICILE)).isEqualTo("domicile");
        assertThat(CoopVocabulary.coop(EquipmentUsed.PAS_DE_MATERIEL)).isEqualTo("aucun");
        assertThat(CoopVocabulary.coop(ReferralKind.FRANCE_SERVICES)).isEqualTo("aide_aux_demarches_administratives");
        assertThat(CoopVocabulary.coop(null)).isNull();
    }

    @Test
    void the_beneficiaries_template_writes_gender_as_one_letter() {
        assertThat(CoopVocabulary.genderLetter(Gender.FEMININ)).isEqualTo("F");
        assertThat(CoopVocabulary.genderLetter(Gender.MASCULIN)).isEqualTo("M");
        assertThat(CoopVocabulary.genderLetter(Gender.NON_COMMUNIQUE)).isEqualTo("N");
        assertThat(CoopVocabulary.genderLetter(null)).isEqualTo("N");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Enum<?> back(Class<? extends Enum<?>> type, String word) {
        return (Enum<?>) CoopVocabulary.ours((Class) type, word).orElse(null);
    }
}
