package fr.rdvnumerique.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import fr.rdvnumerique.testing.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The consistency keys arrive on databases that already hold data and already ran every module's later
 * migrations (V5_1 and up): the migration fills the new columns, drops only links that broke the rules, and the
 * keys then hold.
 */
@IntegrationTest
class TerritoryMigrationTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @Autowired DataSource dataSource;

    @Test
    void an_existing_database_takes_the_consistency_keys_and_keeps_its_data() throws IOException {
        var hikari = (HikariDataSource) dataSource;
        String url = hikari.getJdbcUrl();
        String server = url.substring(0, url.indexOf('/', url.indexOf("//") + 2) + 1);
        String database = "mig_" + Long.toString(System.nanoTime(), 36);
        var admin = new JdbcTemplate(dataSource);
        admin.execute("create database `" + database + "` character set utf8mb4 collate utf8mb4_unicode_ci");
        Path before = Files.createTempDirectory("migrations-before");
        try {
            var target = new DriverManagerDataSource(server + database, hikari.getUsername(), hikari.getPassword());
            // Everything but the territory migrations added since: the database of an earlier release.
            try (Stream<Path> files = Files.list(MIGRATIONS)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (!name.matches("V2_[3-9]__.*")) {
                        Files.copy(file, before.resolve(name));
                    }
                }
            }
            Flyway.configure().dataSource(target).locations("filesystem:" + before).load().migrate();
            var jdbc = new JdbcTemplate(target);
            long ludres = structure(jdbc, "ludres");
            long other = structure(jdbc, "autre");
            long ludresCommune = commune(jdbc, ludres);
            long otherCommune = commune(jdbc, other);
            long place = place(jdbc, ludres, ludresCommune);
            long otherPlace = place(jdbc, other, otherCommune);
            jdbc.update("insert into advisor (structure_id, display_name, email, kind) values (?, 'Camille', 'c@ludres.fr', 'CONSEILLER_NUMERIQUE')", ludres);
            long advisor = jdbc.queryForObject("select max(id) from advisor", Long.class);
            // One link the services would have refused: a place of another structure.
            jdbc.update("insert into advisor_place (advisor_id, place_id) values (?, ?), (?, ?)", advisor, place, advisor, otherPlace);
            jdbc.update("insert into convention (structure_id, title, host_commune_id, signed_on, valid_from, valid_until, posts,"
                    + " subsidy_amount, other_annual_costs) values (?, 'Convention', ?, '2021-07-08', '2021-05-11', '2023-05-10', 1, 50000, 9000)",
                    ludres, ludresCommune);
            long convention = jdbc.queryForObject("select max(id) from convention", Long.class);
            jdbc.update("insert into convention_share (convention_id, position, commune_id, weekly_hours) values (?, 0, ?, 35)",
                    convention, ludresCommune);
            jdbc.update("insert into staff_account (email, display_name, password_hash, structure_id, advisor_id)"
                    + " values ('camille@ludres.fr', 'Camille', '{noop}x', ?, ?), ('autre@autre.fr', 'Autre', '{noop}x', ?, ?)",
                    ludres, advisor, other, advisor);

            Flyway.configure().dataSource(target).locations("classpath:db/migration").outOfOrder(true).load().migrate();

            assertThat(jdbc.queryForList("select place_id from advisor_place where advisor_id = ?", Long.class, advisor))
                    .as("the link to another structure's place is gone, the other kept").containsExactly(place);
            assertThat(jdbc.queryForObject("select structure_id from advisor_place where advisor_id = ?", Long.class, advisor))
                    .isEqualTo(ludres);
            assertThat(jdbc.queryForObject("select structure_id from convention_share where convention_id = ?", Long.class, convention))
                    .isEqualTo(ludres);
            assertThat(jdbc.queryForObject("select active from convention where id = ?", Boolean.class, convention)).isTrue();
            assertThat(jdbc.queryForObject("select advisor_id from staff_account where email = 'camille@ludres.fr'", Long.class))
                    .isEqualTo(advisor);
            assertThat(jdbc.queryForObject("select advisor_id from staff_account where email = 'autre@autre.fr'", Long.class))
                    .as("an account of another structure no longer stands for the advisor").isNull();
            assertThat(jdbc.queryForObject("select count(*) from staff_account", Integer.class)).isEqualTo(2);
            assertThatThrownBy(() -> jdbc.update("update place set commune_id = ? where id = ?", otherCommune, place))
                    .isInstanceOf(DataIntegrityViolationException.class);
        } finally {
            admin.execute("drop database if exists `" + database + "`");
            try (Stream<Path> files = Files.list(before)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(before);
        }
    }

    private static long structure(JdbcTemplate jdbc, String slug) {
        jdbc.update("insert into structure (name, slug, kind) values (?, ?, 'MUTUALISATION')", "Structure " + slug, slug);
        return jdbc.queryForObject("select id from structure where slug = ?", Long.class, slug);
    }

    private static long commune(JdbcTemplate jdbc, long structure) {
        jdbc.update("insert into commune (structure_id, name, insee_code, postal_code) values (?, 'Ludres', '54328', '54710')", structure);
        return jdbc.queryForObject("select max(id) from commune", Long.class);
    }

    private static long place(JdbcTemplate jdbc, long structure, long commune) {
        jdbc.update("insert into place (structure_id, commune_id, name, kind, address, step_free_access)"
                + " values (?, ?, 'Médiathèque', 'MEDIATHEQUE', '1 rue', 'YES')", structure, commune);
        return jdbc.queryForObject("select max(id) from place", Long.class);
    }
}
