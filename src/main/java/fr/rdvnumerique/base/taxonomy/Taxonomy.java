package fr.rdvnumerique.base.taxonomy;

/** Which version of the national lists our codes follow. */
public final class Taxonomy {

    /** CRA v2 as of 2025-04 (IA 2025-01, maintenance and content themes 2025-03, associations 2025-04). */
    public static final String VERSION = "cra-v2-2025-04";

    private Taxonomy() {
    }

    /** The i18n key of a value's label, e.g. {@code taxonomy.Theme.EMAIL}. */
    public static String labelKey(Enum<?> value) {
        return "taxonomy." + value.getDeclaringClass().getSimpleName() + "." + value.name();
    }
}
