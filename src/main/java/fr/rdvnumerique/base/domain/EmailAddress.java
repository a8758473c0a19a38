package fr.rdvnumerique.base.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, trimmed, with its domain in lower case. Checked for shape, not for existence. */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public EmailAddress {
        String text = Texts.required(value, MAX_LENGTH);
        if (!SHAPE.matcher(text).matches() || text.contains("..")) {
            throw new InvalidValueException("validation.email");
        }
        int at = text.lastIndexOf('@');
        value = text.substring(0, at) + "@" + text.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    /** The same address written another way ("Jean@Exemple.fr" and "jean@exemple.fr") is the same person. */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
