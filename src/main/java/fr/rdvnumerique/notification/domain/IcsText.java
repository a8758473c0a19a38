package fr.rdvnumerique.notification.domain;

import java.nio.charset.StandardCharsets;

/**
 * Content lines of iCalendar text (RFC 5545 §3.1): CRLF line ends, lines folded so that none is longer than
 * 75 octets (not characters: "é" is two octets in UTF-8), never inside a character.
 */
public final class IcsText {

    public static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private IcsText() {
    }

    /** Joins folded lines back (a line end followed by one space or tab continues the line). */
    public static String unfold(String text) {
        return text.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "").replace("\n\t", "");
    }

    /** Folds every line of unfolded text and ends each one with CRLF. */
    public static String fold(String text) {
        var out = new StringBuilder(text.length() + text.length() / 60 * 3);
        for (String line : text.split("\r?\n")) {
            if (!line.isEmpty()) {
                foldLine(line, out);
            }
        }
        return out.toString();
    }

    private static void foldLine(String line, StringBuilder out) {
        int octets = 0;
        int i = 0;
        while (i < line.length()) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }

    /** Escapes a TEXT value (RFC 5545 §3.3.11). */
    public static String escapeText(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n");
    }
}
