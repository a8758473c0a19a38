package fr.rdvnumerique.testing;

import fr.rdvnumerique.base.i18n.Article;
import fr.rdvnumerique.base.i18n.SentenceName;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds the French that a name glued into a sentence gets wrong: « à le », « de les », « de Espace », « la
 * Espace », « à Médiathèque de Ludres » (the name said without its article), « au nom de Explo ». Tests render
 * texts for names of every {@link Article}, starting with a vowel or not, and expect none.
 */
public final class FrenchWording {

    private static final String VOWEL = "[AEIOUÀÂÄÉÈÊËÎÏÔÖÙÛÜÆŒaeiouàâäéèêëîïôöùûüæœ]";
    private static final List<Pattern> ALWAYS_WRONG = List.of(
            Pattern.compile("(?<![\\p{L}’'])[àÀ] (le|les) "),
            Pattern.compile("(?<![\\p{L}’'])[dD]e (le|les) "),
            Pattern.compile("(?<![\\p{L}’'])(le|la|de|Le|La|De|que) " + VOWEL),
            Pattern.compile("(?<![\\p{L}’'])(du|au|des|aux) (le|la|les|l’)"));

    /** Names to try: each article, with a name starting with a vowel and one starting with a consonant. */
    public static List<SentenceName> samples(String label) {
        var names = new ArrayList<SentenceName>();
        names.add(SentenceName.of("Espace numérique " + label, Article.L));
        names.add(SentenceName.of("Hôtel de ville " + label, Article.L));
        names.add(SentenceName.of("Atelier du coin " + label, Article.LE));
        names.add(SentenceName.of("Centre social " + label, Article.LE));
        names.add(SentenceName.of("Médiathèque de Ludres " + label, Article.LA));
        names.add(SentenceName.of("Agence postale " + label, Article.LA));
        names.add(SentenceName.of("Ateliers du numérique " + label, Article.LES));
        names.add(SentenceName.of("Halles " + label, Article.LES));
        names.add(SentenceName.of("Émerchicourt " + label, Article.NONE));
        names.add(SentenceName.of("Ludres " + label, Article.NONE));
        names.add(SentenceName.of("Hautmont " + label, Article.NONE_ELIDED));
        return names;
    }

    /** Gives a place and a structure these names, as staff would in their forms. */
    public static void rename(JdbcTemplate jdbc, long structureId, long placeId, SentenceName structure,
                              SentenceName place) {
        jdbc.update("update structure set name = ?, article = ? where id = ?", structure.name(),
                structure.article().name(), structureId);
        jdbc.update("update place set name = ?, article = ? where id = ?", place.name(), place.article().name(),
                placeId);
    }

    /**
     * The wrong phrases of {@code text}, each with some context: empty when the French is right. A name with an
     * article must never follow « à », « de », « par », « Appelez », « Écrivez à » bare.
     */
    public static List<String> mistakes(String text, List<SentenceName> names) {
        var found = new ArrayList<String>();
        String plain = text.replaceAll("<[^>]+>", " ").replace("&#39;", "'").replace("&rsquo;", "’")
                .replace("&nbsp;", " ").replaceAll("[ \\t]+", " ");
        for (Pattern p : ALWAYS_WRONG) {
            Matcher m = p.matcher(plain);
            while (m.find()) {
                found.add(context(plain, m.start(), m.end()));
            }
        }
        for (SentenceName name : names) {
            if (name.article() == Article.NONE || name.article() == Article.NONE_ELIDED) {
                continue;
            }
            Matcher m = Pattern.compile("(?<![\\p{L}’'])(à|À|de|De|par|Appelez|Écrivez à|Écrivez) "
                    + Pattern.quote(name.name())).matcher(plain);
            while (m.find()) {
                found.add(context(plain, m.start(), m.end()));
            }
        }
        return found;
    }

    private static String context(String text, int start, int end) {
        return "…" + text.substring(Math.max(0, start - 30), Math.min(text.length(), end + 30)).replace('\n', ' ') + "…";
    }

    private FrenchWording() {
    }
}
