package fr.rdvnumerique.base.domain;

/**
 * A first or last name as the person writes it: "Marie-Hélène", "N'Diaye", "de La Tour", "Nguyễn". Whatever they
 * type is kept as plain text (markup included: every screen, mail and document escapes it when it shows it),
 * so nobody is turned away because of an unusual character. Refused: blank, more than 80 characters, control
 * or direction-override characters (they garble or disguise what staff read), and text without a single letter.
 */
public record PersonName(String value) {

    public static final int MAX_LENGTH = 80;

    public PersonName {
        value = Texts.required(value, MAX_LENGTH).replaceAll("\\s+", " ");
        boolean letter = false;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (Character.getType(c) == Character.FORMAT && c != 0x200C && c != 0x200D) {
                // Bidirectional overrides and invisible characters; joiners stay (some scripts need them).
                throw new InvalidValueException("validation.control-characters");
            }
            letter |= Character.isLetter(c);
            i += Character.charCount(c);
        }
        if (!letter) {
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
