package fr.rdvnumerique.base.i18n;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * How a name is introduced in a French sentence: « la Médiathèque de Ludres », « l’Espace numérique », « Ludres ».
 * Stored with places and structures (column {@code article}), chosen by staff in their forms; {@link SentenceName}
 * writes the sentence forms (« à la », « au », « d’ »).
 */
public enum Article implements Labelled {
    /** No article: « Ludres », « à Ludres », « de Ludres »; « d’ » before a vowel: « d’Émerchicourt ». */
    NONE,
    /** No article, and « d’ » before a mute h too: « d’Hautmont ». */
    NONE_ELIDED,
    /** « le Centre social », « au Centre social », « du Centre social ». */
    LE,
    /** « la Médiathèque », « à la Médiathèque », « de la Médiathèque ». */
    LA,
    /** « l’Espace », « à l’Espace », « de l’Espace »: before a vowel or a mute h (« l’Hôtel de ville »). */
    L,
    /** « les Halles », « aux Halles », « des Halles ». */
    LES;

    private static final Set<String> FEMININE = Set.of("mediatheque", "bibliotheque", "ludotheque", "mairie", "maison",
            "salle", "commune", "ville", "communaute", "agence", "cyberbase", "residence", "halle", "permanence",
            "metropole", "region", "structure", "federation", "cooperative", "boutique", "caisse", "direction");
    private static final Set<String> MASCULINE = Set.of("centre", "conseiller", "point", "pole", "tiers-lieu", "tiers",
            "local", "foyer", "ccas", "cias", "service", "club", "fablab", "relais", "bureau", "syndicat",
            "departement", "campus", "cafe", "guichet", "lieu", "conseil", "groupement", "reseau", "pays");
    private static final Set<String> ELIDED = Set.of("hotel", "habitat", "hopital", "hemicycle");

    @Override
    public String labelKey() {
        return "article." + name();
    }

    /**
     * A sensible first choice for a name typed by staff, who can correct it: « Médiathèque de Ludres » → LA,
     * « Centre social » → LE, « Espace numérique » → L, « Ludres » → NONE. The migration that added the column
     * applies the same guess to the rows already there.
     */
    public static Article guess(String name) {
        if (name == null || name.isBlank()) {
            return NONE;
        }
        String first = plain(name.strip().split("[\\s’']", 2)[0]);
        if (FEMININE.contains(first)) {
            return LA;
        }
        if (MASCULINE.contains(first)) {
            return LE;
        }
        if (ELIDED.contains(first) || SentenceName.startsWithVowel(name.strip())) {
            // An association, an espace, an atelier…: « l’ ».
            return first.length() > 2 && Character.isUpperCase(name.strip().codePointAt(0))
                    && !name.strip().contains(" ") ? NONE : L;
        }
        return NONE;
    }

    /** Lower case, without accents: "médiathèque" → "mediatheque". */
    static String plain(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
