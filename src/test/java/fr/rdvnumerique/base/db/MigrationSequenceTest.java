package fr.rdvnumerique.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One linear sequence of migrations (DEVELOPERS.md, "Database"; out-of-order off: TerritoryConstraintsTest). The
 * per-module versions up to V7_1 stay as installed databases have them; from V8 on, whole numbers, each once.
 */
class MigrationSequenceTest {

    private static final Pattern NAME = Pattern.compile("V(\\d+(?:_\\d+)?)__[a-z0-9_]+\\.sql");
    private static final BigDecimal LAST_PER_MODULE = new BigDecimal("7.1");

    @Test
    void every_migration_after_7_1_is_a_whole_number_of_its_own() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertThat(names).allSatisfy(name -> assertThat(name).matches(NAME));
        var versions = names.stream().map(name -> {
            var matcher = NAME.matcher(name);
            matcher.matches();
            return new BigDecimal(matcher.group(1).replace('_', '.'));
        }).toList();
        assertThat(versions).doesNotHaveDuplicates();
        assertThat(versions.stream().filter(v -> v.compareTo(LAST_PER_MODULE) > 0))
                .allSatisfy(v -> assertThat(v.scale()).as("V%s: a whole number", v).isZero());
    }
}
