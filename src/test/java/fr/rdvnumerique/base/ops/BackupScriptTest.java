package fr.rdvnumerique.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The backup service's script ({@code docker/backup/rdv-backup.sh}) run here as the container runs it, against
 * the tests' MariaDB with MariaDB's own client tools (the machine's, or the embedded server's): a dump, the
 * rotation, a restore into another database, and a damaged file refused.
 */
@IntegrationTest
class BackupScriptTest {

    private static final Path SCRIPT = Path.of("docker/backup/rdv-backup.sh");

    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired TerritoryFixtures territories;
    @TempDir Path backups;

    private String restored;

    @BeforeEach
    void restoreTarget() {
        restored = database() + "_restored";
    }

    @AfterEach
    void dropRestored() {
        jdbc.execute("drop database if exists `" + restored + "`");
    }

    @Test
    void a_backup_keeps_the_seven_newest_days_and_one_backup_for_each_of_the_four_newest_weeks() throws Exception {
        Path daily = Files.createDirectories(backups.resolve("daily"));
        Path weekly = Files.createDirectories(backups.resolve("weekly"));
        for (int day = 1; day <= 9; day++) {
            Files.createFile(daily.resolve("rdv-2020-01-0" + day + "_023000.sql.gz"));
        }
        for (int week = 1; week <= 5; week++) {
            Files.createFile(weekly.resolve("rdv-2020-W0" + week + ".sql.gz"));
        }

        assertThat(run("once").exitCode()).isZero();

        var today = LocalDate.now(ParisTime.ZONE);
        String thisWeek = String.format("rdv-%d-W%02d.sql.gz", today.get(IsoFields.WEEK_BASED_YEAR),
                today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        assertThat(names(daily)).hasSize(7).contains("rdv-2020-01-09_023000.sql.gz", "rdv-2020-01-04_023000.sql.gz")
                .doesNotContain("rdv-2020-01-03_023000.sql.gz").anyMatch(name -> name.startsWith("rdv-" + today + "_"));
        assertThat(names(weekly)).containsExactlyInAnyOrder(thisWeek, "rdv-2020-W05.sql.gz", "rdv-2020-W04.sql.gz",
                "rdv-2020-W03.sql.gz");

        // A second backup the same week keeps the week's first one.
        byte[] weekBackup = Files.readAllBytes(weekly.resolve(thisWeek));
        Thread.sleep(1100); // file names carry the second
        assertThat(run("once").exitCode()).isZero();
        assertThat(names(weekly)).hasSize(4).contains(thisWeek);
        assertThat(Files.readAllBytes(weekly.resolve(thisWeek))).isEqualTo(weekBackup);
        assertThat(names(daily)).hasSize(7).doesNotContain("rdv-2020-01-04_023000.sql.gz");
        assertThat(run("check").exitCode()).as("the newest backup is recent").isZero();
    }

    @Test
    void a_backup_restores_into_another_database_with_every_row() throws Exception {
        var territory = territories.create("Sauvegarde");
        assertThat(run("once").exitCode()).isZero();
        Path dump = newest(backups.resolve("daily"));
        String sql = gunzip(dump);
        assertThat(sql).contains("CREATE TABLE `structure`", territory.slug()).endsWith("\n")
                .containsPattern("-- Dump completed on .*\\n$");

        var restore = run(Map.of("MARIADB_DATABASE", restored), "restore", dump.toString());
        assertThat(restore.exitCode()).as(restore.output()).isZero();

        for (String table : List.of("structure", "commune", "place", "advisor", "flyway_schema_history")) {
            assertThat(jdbc.queryForObject("select count(*) from `" + restored + "`.`" + table + "`", Long.class))
                    .as(table).isEqualTo(jdbc.queryForObject("select count(*) from `" + table + "`", Long.class));
        }
        assertThat(jdbc.queryForObject("select name from `" + restored + "`.structure where slug = ?", String.class,
                territory.slug())).startsWith("Structure Sauvegarde");
    }

    @Test
    void a_damaged_backup_is_refused_and_the_database_left_as_it_was() throws Exception {
        jdbc.execute("create database `" + restored + "`");
        jdbc.execute("create table `" + restored + "`.kept (id int primary key)");
        Path damaged = backups.resolve("rdv-cut.sql.gz");
        try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(damaged))) {
            out.write("-- MariaDB dump\nCREATE TABLE `x` (id int);\n".getBytes(StandardCharsets.UTF_8));
        }

        var restore = run(Map.of("MARIADB_DATABASE", restored), "restore", damaged.toString());

        assertThat(restore.exitCode()).isNotZero();
        assertThat(restore.output()).contains("is damaged or incomplete: choose another one");
        assertThat(jdbc.queryForList("show tables from `" + restored + "`", String.class)).containsExactly("kept");
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(String... arguments) throws Exception {
        return run(Map.of(), arguments);
    }

    private Result run(Map<String, String> settings, String... arguments) throws Exception {
        var command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        var hikari = (HikariDataSource) dataSource;
        String url = hikari.getJdbcUrl(); // jdbc:mariadb://127.0.0.1:PORT/DATABASE
        String hostAndPort = url.substring(url.indexOf("//") + 2, url.indexOf('/', url.indexOf("//") + 2));
        var env = builder.environment();
        env.put("MARIADB_HOST", hostAndPort.contains(":") ? hostAndPort.substring(0, hostAndPort.indexOf(':')) : hostAndPort);
        env.put("MARIADB_PORT", hostAndPort.contains(":") ? hostAndPort.substring(hostAndPort.indexOf(':') + 1) : "3306");
        env.put("MARIADB_DATABASE", database());
        env.put("MARIADB_USER", hikari.getUsername());
        env.put("MARIADB_PASSWORD", hikari.getPassword() == null ? "" : hikari.getPassword());
        env.put("BACKUP_DIR", backups.toString());
        env.put("TZ", "Europe/Paris"); // as in the container: file names carry the local date
        env.put("PATH", clientTools() + ":" + env.get("PATH"));
        env.putAll(settings);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }

    /**
     * MariaDB's client tools: the machine's when installed, else the embedded server's. (An 11.4 client insists on TLS,
     * which Debian's 10.11 server on the CI machine does not offer; a 10.11 client speaks to either.)
     */
    static String clientTools() {
        Path machine = Path.of("/usr/bin");
        return Files.isExecutable(machine.resolve("mariadb-dump")) ? machine.toString()
                : Path.of("target/mariadb-bin/bin").toAbsolutePath().toString();
    }

    private String database() {
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        String rest = url.substring(url.indexOf('/', url.indexOf("//") + 2) + 1);
        return rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static Path newest(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.max(java.util.Comparator.comparing(Path::toString)).orElseThrow();
        }
    }

    private static String gunzip(Path file) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
