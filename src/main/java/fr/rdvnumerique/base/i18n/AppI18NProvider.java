package fr.rdvnumerique.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/** Vaadin's {@code getTranslation(...)} reads the modules' bundles; French first, English second. */
@Component
class AppI18NProvider implements I18NProvider {

    private static final Logger log = LoggerFactory.getLogger(AppI18NProvider.class);

    private final transient MessageSource messages;

    AppI18NProvider(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(Locale.FRENCH, Locale.ENGLISH);
    }

    @Override
    public Locale getDefaultLocale() {
        return Locale.FRENCH;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            return messages.getMessage(key, params, supported(locale));
        } catch (NoSuchMessageException e) {
            // A missing key is a bug that I18nBundlesTest catches; the page still shows something readable.
            // Sentences for database constraints are optional (UiMessages falls back to error.unexpected).
            if (!key.startsWith(fr.rdvnumerique.base.ui.UiMessages.CONSTRAINT_KEYS)) {
                log.warn("Missing translation key {}", key);
            }
            return "!" + key;
        }
    }

    private static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    }
}
