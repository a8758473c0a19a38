package fr.rdvnumerique.base.domain;

/**
 * Checks for free text typed by people. Text is stored as typed (HTML included: it is escaped when shown),
 * but control characters and over-long input are refused.
 */
public final class Texts {

    private Texts() {
    }

    /** Trimmed, non-blank, at most {@code max} characters, no control characters. */
    public static String required(String value, int max) {
        String text = optional(value, max);
        if (text == null) {
            throw new InvalidValueException("validation.required");
        }
        return text;
    }

    /** Trimmed, or null when blank; at most {@code max} characters, no control characters except new lines. */
    public static String optional(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new InvalidValueException("validation.too-long", max);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidValueException("validation.control-characters");
            }
        }
        return text;
    }
}
