package fr.rdvnumerique.base.domain;

import java.util.regex.Pattern;

/**
 * A first or last name as the person writes it: "Marie-Hélène", "N'Diaye", "de La Tour".
 * Letters of any alphabet, spaces, apostrophes, hyphens and dots; at most 80 characters.
 */
public record PersonName(String value) {

    public static final int MAX_LENGTH = 80;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} '’.\\-]*");

    public PersonName {
        value = Texts.required(value, MAX_LENGTH).replaceAll("\\s+", " ");
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException("validation.name.characters");
        }
    }

    public static PersonName of(String value) {
        return new PersonName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
