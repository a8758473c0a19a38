package fr.rdvnumerique.base.taxonomy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Our taxonomy codes in the words of La Coop de la médiation numérique, the national tool where advisors declare
 * their activity (its activity record: {@code schema.prisma} and form rules, 2026). The one place that knows both
 * vocabularies: exports speak through it, and a change on the Coop's side is a change here.
 *
 * <p>Most codes are ours in lower case; the exceptions are written out: our age bands are 12–17 and 18–24 where the
 * Coop says {@code douze_dix_huit} and {@code dix_huit_vingt_quatre}, we say « gérer » where it says « gère », and
 * our referral kinds are finer than its {@code structureDeRedirection} (France Services is a place for
 * administrative procedures there).
 */
public final class CoopVocabulary {

    /** The Coop's vocabulary as of its 2026 activity record; exports carry it beside our {@link Taxonomy#VERSION}. */
    public static final String VERSION = "coop-2026";

    private static final Map<Class<? extends Enum<?>>, Map<Enum<?>, String>> TO_COOP = new HashMap<>();
    private static final Map<Class<? extends Enum<?>>, Map<String, Enum<?>>> FROM_COOP = new HashMap<>();

    static {
        register(ActivityType.class, Map.of());
        register(Theme.class, Map.of(Theme.GERER_SES_CONTENUS_NUMERIQUES, "gere_ses_contenus_numeriques"));
        register(AdministrativeTheme.class, Map.of());
        register(EquipmentUsed.class, Map.of(EquipmentUsed.PAS_DE_MATERIEL, "aucun"));
        register(ActivityLocation.class, Map.of(ActivityLocation.A_DOMICILE, "domicile",
                ActivityLocation.A_DISTANCE, "a_distance"));
        register(AutonomyLevel.class, Map.of());
        register(AtelierLevel.class, Map.of());
        register(Gender.class, Map.of());
        register(OccupationStatus.class, Map.of());
        register(AgeBand.class, Map.of(
                AgeBand.MOINS_DE_12, "moins_de_douze",
                AgeBand.DE_12_A_17, "douze_dix_huit",
                AgeBand.DE_18_A_24, "dix_huit_vingt_quatre",
                AgeBand.DE_25_A_39, "vingt_cinq_trente_neuf",
                AgeBand.DE_40_A_59, "quarante_cinquante_neuf",
                AgeBand.DE_60_A_69, "soixante_soixante_neuf",
                AgeBand.PLUS_DE_70, "soixante_dix_plus"));
        register(ReferralKind.class, Map.of(
                ReferralKind.AUTRE_STRUCTURE_MEDIATION_NUMERIQUE, "mediation_numerique",
                ReferralKind.OPERATEUR_DE_LA_DEMARCHE, "operateur_ou_organisme_en_charge",
                ReferralKind.STRUCTURE_AIDE_SOCIALE, "aide_sociale",
                ReferralKind.STRUCTURE_INSERTION_PROFESSIONNELLE, "insertion_professionnelle",
                ReferralKind.FRANCE_SERVICES, "aide_aux_demarches_administratives"));
    }

    private CoopVocabulary() {
    }

    private static <E extends Enum<E>> void register(Class<E> type, Map<E, String> exceptions) {
        Map<Enum<?>, String> to = new HashMap<>();
        Map<String, Enum<?>> from = new HashMap<>();
        for (E value : type.getEnumConstants()) {
            String coop = exceptions.getOrDefault(value, value.name().toLowerCase(Locale.ROOT));
            to.put(value, coop);
            if (from.putIfAbsent(coop, value) != null) {
                throw new IllegalStateException("Two codes of " + type.getSimpleName() + " give the Coop's " + coop);
            }
        }
        TO_COOP.put(type, to);
        FROM_COOP.put(type, from);
    }

    /** The Coop's word for one of our codes; null stays null (a field left empty). */
    public static String coop(Enum<?> value) {
        if (value == null) {
            return null;
        }
        Map<Enum<?>, String> words = TO_COOP.get(value.getDeclaringClass());
        if (words == null) {
            throw new IllegalArgumentException("No Coop vocabulary for " + value.getDeclaringClass().getSimpleName());
        }
        return words.get(value);
    }

    /** Our code for a word of the Coop's, when we have one. */
    public static <E extends Enum<E>> Optional<E> ours(Class<E> type, String coop) {
        Map<String, Enum<?>> words = FROM_COOP.get(type);
        if (words == null) {
            throw new IllegalArgumentException("No Coop vocabulary for " + type.getSimpleName());
        }
        return Optional.ofNullable(words.get(coop)).map(type::cast);
    }

    /** The Coop's one-letter gender of its beneficiaries import template (F, M, N). */
    public static String genderLetter(Gender gender) {
        if (gender == null) {
            return "N";
        }
        return switch (gender) {
            case FEMININ -> "F";
            case MASCULIN -> "M";
            case NON_COMMUNIQUE -> "N";
        };
    }
}
