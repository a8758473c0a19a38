package fr.rdvnumerique.notification.sms;

import java.util.Map;

/**
 * Text messages in the GSM 7-bit alphabet, so that one message holds 160 characters (70 in Unicode). French
 * letters with an accent the alphabet lacks lose it (ê → e, ç → c); the typographic apostrophe and quotes become
 * plain ones. What is left is sent as typed.
 */
public final class Gsm7 {

    /** GSM 03.38 basic set (the extension table's characters count two and are avoided). */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static final Map<Character, String> REPLACEMENTS = Map.ofEntries(
            Map.entry('’', "'"), Map.entry('‘', "'"), Map.entry('«', "\""), Map.entry('»', "\""),
            Map.entry('“', "\""), Map.entry('”', "\""), Map.entry('\u00a0', " "), Map.entry('\u202f', " "),
            Map.entry('–', "-"), Map.entry('—', "-"), Map.entry('…', "..."),
            Map.entry('â', "a"), Map.entry('ê', "e"), Map.entry('î', "i"), Map.entry('ô', "o"), Map.entry('û', "u"),
            Map.entry('ë', "e"), Map.entry('ï', "i"), Map.entry('ÿ', "y"), Map.entry('ç', "c"), Map.entry('œ', "oe"),
            Map.entry('Œ', "OE"), Map.entry('À', "A"), Map.entry('Â', "A"), Map.entry('È', "E"), Map.entry('Ê', "E"),
            Map.entry('Ë', "E"), Map.entry('Î', "I"), Map.entry('Ï', "I"), Map.entry('Ô', "O"), Map.entry('Ù', "U"),
            Map.entry('Û', "U"), Map.entry('á', "a"), Map.entry('í', "i"), Map.entry('ó', "o"), Map.entry('ú', "u"));

    private Gsm7() {
    }

    /** The text in the basic alphabet where a close letter exists; other characters are kept. */
    public static String normalize(String text) {
        // French quotes keep a space inside; plain ones do not.
        String quoted = text.replaceAll("«[\\s\u00a0\u202f]*", "\"").replaceAll("[\\s\u00a0\u202f]*»", "\"");
        var out = new StringBuilder(quoted.length());
        for (char c : quoted.toCharArray()) {
            String replacement = BASIC.indexOf(c) >= 0 ? null : REPLACEMENTS.get(c);
            if (replacement != null) {
                out.append(replacement);
            } else {
                out.append(c);
            }
        }
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    /** Every character is in the basic alphabet. */
    public static boolean fits(String text) {
        return text.chars().allMatch(c -> BASIC.indexOf(c) >= 0);
    }

    /** Messages the provider bills for this text: 160 characters in one, 153 each when split. */
    public static int segments(String text) {
        int perOne = fits(text) ? 160 : 70;
        int perPart = fits(text) ? 153 : 67;
        return text.length() <= perOne ? 1 : (text.length() + perPart - 1) / perPart;
    }
}
