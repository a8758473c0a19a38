package fr.rdvnumerique.base.domain;

/** A value typed by a person does not fit; the key says which rule in the user's words. */
public class InvalidValueException extends BusinessRuleException {

    public InvalidValueException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
