package fr.rdvnumerique.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.ActivityType;
import fr.rdvnumerique.base.taxonomy.AdministrativeTheme;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.DurationBand;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.ReferralKind;
import fr.rdvnumerique.base.taxonomy.Taxonomy;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.territory.AdvisorKind;
import fr.rdvnumerique.territory.PlaceKind;
import fr.rdvnumerique.territory.StepFreeAccess;
import fr.rdvnumerique.territory.StructureKind;
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

/**
 * Every text the user sees comes from a bundle: each module's French and English bundles have the same keys,
 * every key the code asks for exists, and every message formats.
 */
class I18nBundlesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile(
            "(?:getTranslation|InvalidValueException|BusinessRuleException|translate)\\(\\s*\"([a-z][a-z0-9.-]+[a-z0-9])\"");
    private static final Pattern MENU_TITLE = Pattern.compile("@Menu\\(title = \"([a-z0-9.-]+)\"");

    /** Enums shown with a label built from their name. */
    private static final Map<String, Class<? extends Enum<?>>> ENUM_LABELS = Map.of(
            "role.", Role.class,
            "territory.place.kind.", PlaceKind.class,
            "territory.place.access.", StepFreeAccess.class,
            "territory.portal.access.", StepFreeAccess.class,
            "territory.advisor.kind.", AdvisorKind.class,
            "territory.structure.kind.", StructureKind.class);

    @Test
    void every_taxonomy_code_has_a_label() throws Exception {
        var keys = allKeys(Locale.FRENCH);
        var missing = new ArrayList<String>();
        for (Class<?> type : List.of(Theme.class, AdministrativeTheme.class, AutonomyLevel.class, AtelierLevel.class,
                AgeBand.class, Gender.class, OccupationStatus.class, EquipmentUsed.class, ActivityLocation.class,
                ReferralKind.class, ActivityType.class, DurationBand.class)) {
            for (Object value : type.getEnumConstants()) {
                String key = Taxonomy.labelKey((Enum<?>) value);
                if (!keys.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

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
    void every_enum_shown_to_users_has_a_label() {
        var keys = allKeys(Locale.FRENCH);
        var missing = new ArrayList<String>();
        ENUM_LABELS.forEach((prefix, type) -> {
            for (Enum<?> value : type.getEnumConstants()) {
                if (!keys.containsKey(prefix + value.name())) {
                    missing.add(prefix + value.name());
                }
            }
        });
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
                assertThat(new MessageFormat(value, Locale.FRENCH).format(new Object[] {"x", "y", "z"})).isNotBlank();
            }
            Properties english = load(basename + "_en.properties");
            for (String key : english.stringPropertyNames()) {
                assertThat(new MessageFormat(english.getProperty(key), Locale.ENGLISH).format(new Object[] {"x", "y", "z"}))
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
