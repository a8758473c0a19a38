package fr.rdvnumerique.notification.mail;

import org.springframework.context.MessageSource;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

/** {@code #{key(args)}} in mail templates reads the application's bundles (notification.properties and others). */
final class SpringMessageResolver extends AbstractMessageResolver {

    private final MessageSource messages;

    SpringMessageResolver(MessageSource messages) {
        this.messages = messages;
        setName("spring-message-source");
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        return messages.getMessage(key, messageParameters, null, context.getLocale());
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                    Object[] messageParameters) {
        throw new IllegalStateException("Missing message key in a mail template: " + key);
    }
}
