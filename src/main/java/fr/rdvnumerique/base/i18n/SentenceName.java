package fr.rdvnumerique.base.i18n;

import java.util.Objects;

/**
 * A name as a French sentence says it, with its {@link Article}: « la Médiathèque de Ludres », « à la Médiathèque
 * de Ludres », « au Centre social », « de l’Espace numérique », « d’Émerchicourt ». Messages take the form they need
 * as an argument ({@code notification.mail.contact.phone}: « Appelez {0} au … » with {@link #withArticle()}), so the
 * bundles never glue a preposition to a bare name (« à Médiathèque de Ludres »).
 *
 * <p>The apostrophe is the typographic one (’), like every text of the bundles.
 */
public record SentenceName(String name, Article article) {

    private static final String VOWELS = "aeiouyàâäéèêëîïôöùûüÿæœAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÆŒ";

    public SentenceName {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        article = article == null ? Article.NONE : article;
    }

    public static SentenceName of(String name, Article article) {
        return new SentenceName(name, article);
    }

    /** A person's or a commune's name: no article, « d’ » before a vowel (« au nom d’Amélie Durand »). */
    public static SentenceName bare(String name) {
        return new SentenceName(name, Article.NONE);
    }

    /**
     * A commune's official name after a preposition. Its article is part of the name and keeps its capital (« La
     * Rochelle »), but « Le » and « Les » contract: « au Havre », « aux Mureaux », « du Havre », « des Mureaux »;
     * otherwise like any bare name: « à Ludres », « d’Émerchicourt ».
     */
    public static String communeAfter(String preposition, String officialName) {
        String name = officialName.strip();
        for (var leading : new String[][] {{"Les ", "LES"}, {"Le ", "LE"}}) {
            if (name.startsWith(leading[0]) && name.length() > leading[0].length()) {
                return new SentenceName(name.substring(leading[0].length()), Article.valueOf(leading[1])).after(preposition);
            }
        }
        return bare(name).after(preposition);
    }

    /** « la Médiathèque de Ludres », « l’Espace », « le Centre social », « Ludres ». */
    public String withArticle() {
        return switch (effective()) {
            case NONE, NONE_ELIDED -> name;
            case LE -> "le " + name;
            case LA -> "la " + name;
            case L -> "l’" + name;
            case LES -> "les " + name;
        };
    }

    /** {@link #withArticle()} at the start of a sentence: « La Médiathèque de Ludres », « L’Espace ». */
    public String capitalised() {
        String text = withArticle();
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(java.util.Locale.FRENCH) + text.substring(1);
    }

    /**
     * The name after a preposition, contracted and elided: {@code after("à")} gives « à la Médiathèque », « au
     * Centre », « aux Halles », « à l’Espace », « à Ludres »; {@code after("de")}: « de la Médiathèque », « du
     * Centre », « des Halles », « de l’Espace », « de Ludres », « d’Émerchicourt ». Other prepositions (« par »,
     * « pour », « avec », « chez ») are followed by {@link #withArticle()}.
     */
    public String after(String preposition) {
        Article article = effective();
        boolean elidedName = article == Article.NONE_ELIDED
                || article == Article.NONE && startsWithVowel(name);
        return switch (preposition) {
            case "à", "À" -> switch (article) {
                case LE -> cap(preposition, "au ") + name;
                case LES -> cap(preposition, "aux ") + name;
                default -> preposition + " " + withArticle();
            };
            case "de", "De" -> switch (article) {
                case LE -> cap(preposition, "du ") + name;
                case LES -> cap(preposition, "des ") + name;
                case NONE, NONE_ELIDED -> elidedName ? cap(preposition, "d’") + name : preposition + " " + name;
                default -> preposition + " " + withArticle();
            };
            default -> preposition + " " + withArticle();
        };
    }

    /** « le » and « la » become « l’ » before a vowel, whatever was chosen: « la Espace » is never right. */
    private Article effective() {
        if ((article == Article.LE || article == Article.LA) && startsWithVowel(name)) {
            return Article.L;
        }
        return article;
    }

    private static String cap(String preposition, String form) {
        return Character.isUpperCase(preposition.charAt(0)) ? Character.toUpperCase(form.charAt(0)) + form.substring(1)
                : form;
    }

    /** True before « a », « É », « œ »…: the sounds where French elides. An « h » may be mute or not: staff say. */
    public static boolean startsWithVowel(String text) {
        return text != null && !text.isEmpty() && VOWELS.indexOf(text.charAt(0)) >= 0
                && !(Character.toLowerCase(text.charAt(0)) == 'y' && text.length() > 1 && VOWELS.indexOf(text.charAt(1)) >= 0);
    }

    @Override
    public String toString() {
        return withArticle();
    }
}
