package fr.rdvnumerique.base.domain;

import java.util.Arrays;

/**
 * A rule of the domain said no. Carries an i18n key (and its arguments) so the screen can say why in French;
 * never a technical message.
 */
public class BusinessRuleException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public BusinessRuleException(String messageKey, Object... arguments) {
        super(messageKey + Arrays.toString(arguments));
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
