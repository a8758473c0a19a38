package fr.rdvnumerique.base.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One bundle per module under {@code i18n/} ({@code atelier.properties} in French, {@code atelier_en.properties}
 * in English), merged into the single message source that views, mails and documents read. A module adds its
 * texts without touching another module's file.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    static final String LOCATION = "i18n/";

    @Bean
    MessageSource messageSource() {
        var source = new ResourceBundleMessageSource();
        source.setBasenames(bundleBasenames().toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setDefaultLocale(Locale.FRENCH);
        source.setFallbackToSystemLocale(false);
        // Always run MessageFormat, so apostrophes are written '' in every bundle, with or without arguments.
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    static TreeSet<String> bundleBasenames() {
        try {
            var basenames = new TreeSet<String>();
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:" + LOCATION + "*.properties");
            for (Resource file : files) {
                String name = file.getFilename();
                if (name != null && !name.contains("_")) {
                    basenames.add(LOCATION + name.substring(0, name.length() - ".properties".length()));
                }
            }
            return basenames;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
