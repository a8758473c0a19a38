package fr.rdvnumerique.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.territory.StepFreeAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every text the user sees comes from a bundle: each module's French and English bundles have the same keys,
 * every key the code asks for exists, and every message formats.
 */
class I18nBundlesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:getTranslation|InvalidValueException|BusinessRuleException|translate)\\(\\s*\"([a-z][a-z0-9.-]+[a-z0-9])\"");
    private static final Pattern MENU_TITLE = Pattern.compile("@Menu\\(title = \"([a-z0-9.-]+)\"");
    /**
     * Any whole string literal shaped like a key ("territory.places.title"): keys also travel through helpers
     * (StaffGridPage's constructor, UiMessages.success, PublicNavItem, a field's label key...). Only literals whose
     * first word is a bundle's prefix count, and file names are left out, so that property names
     * ("spring.datasource.url") and resources ("styles/atelier.css") are not taken for keys.
     */
    private static final Pattern KEY_LIKE_LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-zA-Z0-9_-]+)+)\"");
    /** Literals that name something else than a text: rate-limit purposes, properties, beans, loggers. */
    private static final Pattern NOT_A_KEY_BEFORE = Pattern.compile(
            "(tryAcquire|getProperty|ConfigurationProperties|ConditionalOnProperty|Value|Qualifier|getLogger|name)\\(\\s*$");
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(css|js|json|html|properties|sql|png|svg|ics|pdf|csv|txt|xml|yaml|yml)$");

    @Test
    void french_and_english_bundles_have_the_same_keys() {
        for (String basename : MessagesConfiguration.bundleBasenames()) {
            Properties french = load(basename + ".properties");
            Properties english = load(basename + "_en.properties");
            assertThat(english.stringPropertyNames()).as("keys of %s_en", basename)
                    .containsExactlyInAnyOrderElementsOf(french.stringPropertyNames());
        }
    }

    @Test
    void every_key_used_in_the_code_exists() throws IOException {
        var keys = allKeys(Locale.FRENCH);
        var missing = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                for (Pattern pattern : List.of(LITERAL_KEY, MENU_TITLE)) {
                    Matcher m = pattern.matcher(code);
                    while (m.find()) {
                        if (!keys.containsKey(m.group(1))) {
                            missing.add(m.group(1) + " (" + file.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(missing).as("keys used in code but missing from the bundles").isEmpty();
    }

    @Test
    void every_key_passed_through_a_helper_exists() throws IOException {
        var keys = allKeys(Locale.FRENCH);
        var prefixes = new TreeSet<String>();
        keys.keySet().forEach(key -> prefixes.add(key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.'))));
        var missing = new TreeSet<String>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                Matcher m = KEY_LIKE_LITERAL.matcher(code);
                while (m.find()) {
                    String literal = m.group(1);
                    String prefix = literal.substring(0, literal.indexOf('.'));
                    String before = code.substring(Math.max(0, m.start() - 40), m.start());
                    if (!prefixes.contains(prefix) || FILE_NAME.matcher(literal).matches()
                            || NOT_A_KEY_BEFORE.matcher(before).find()) {
                        continue;
                    }
                    checked++;
                    if (!keys.containsKey(literal)) {
                        missing.add(literal + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(checked).as("key-like literals found").isGreaterThan(300);
        assertThat(missing).as("key-like literals missing from the bundles").isEmpty();
    }

    @Test
    void every_labelled_enum_has_a_label_for_each_value() throws ClassNotFoundException {
        var keys = allKeys(Locale.FRENCH);
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Labelled.class));
        var missing = new ArrayList<String>();
        int enums = 0;
        for (var candidate : scanner.findCandidateComponents("fr.rdvnumerique")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (!type.isEnum()) {
                continue;
            }
            enums++;
            for (Object value : type.getEnumConstants()) {
                String key = ((Labelled) value).labelKey();
                if (!keys.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        // The portal describes access in a sentence of its own.
        for (StepFreeAccess access : StepFreeAccess.values()) {
            if (!keys.containsKey("territory.portal.access." + access)) {
                missing.add("territory.portal.access." + access);
            }
        }
        assertThat(enums).as("labelled enums found").isGreaterThan(10);
        assertThat(missing).isEmpty();
    }

    @Test
    void every_message_formats_and_french_uses_typographic_apostrophes() {
        for (String basename : MessagesConfiguration.bundleBasenames()) {
            Properties french = load(basename + ".properties");
            for (String key : french.stringPropertyNames()) {
                String value = french.getProperty(key);
                assertThat(value).as("%s in %s: write ’ (or '' around MessageFormat syntax)", key, basename)
                        .doesNotContainPattern("(?<!')'(?!')");
                assertThat(new MessageFormat(value, Locale.FRENCH).format(new Object[] {1, 2, 3})).isNotBlank();
            }
            Properties english = load(basename + "_en.properties");
            for (String key : english.stringPropertyNames()) {
                assertThat(new MessageFormat(english.getProperty(key), Locale.ENGLISH).format(new Object[] {1, 2, 3}))
                        .as("%s in %s_en", key, basename).doesNotContain("{0}");
            }
        }
    }

    static Map<String, String> allKeys(Locale locale) {
        var all = new HashMap<String, String>();
        for (String basename : MessagesConfiguration.bundleBasenames()) {
            Properties p = load(basename + (locale.equals(Locale.ENGLISH) ? "_en" : "") + ".properties");
            p.stringPropertyNames().forEach(k -> all.put(k, p.getProperty(k)));
        }
        return all;
    }

    private static Properties load(String resource) {
        try (InputStream in = I18nBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            var properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
