package fr.rdvnumerique.base.domain;

import java.util.function.Supplier;

/**
 * A value typed by a person does not fit; the key says which rule in the user's words, and {@link #field()} (when
 * known) which field of the form it was typed in, so the screen says it next to that field.
 */
public class InvalidValueException extends BusinessRuleException {

    private final String field;

    public InvalidValueException(String messageKey, Object... arguments) {
        this(null, messageKey, arguments);
    }

    private InvalidValueException(String field, String messageKey, Object[] arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    /** A refusal about one field of a form. */
    public static InvalidValueException forField(String field, String messageKey, Object... arguments) {
        return new InvalidValueException(field, messageKey, arguments);
    }

    /**
     * Parses one field's value: a refusal from {@code parser} names {@code field}.
     *
     * @param field the form field's name, as the result's {@code Invalid.field()} gives it back
     */
    public static <T> T inField(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidValueException e) {
            throw e.field == null ? new InvalidValueException(field, e.messageKey(), e.arguments()) : e;
        }
    }

    /** The field the value was typed in, or null when the refusal is about the form as a whole. */
    public String field() {
        return field;
    }
}
