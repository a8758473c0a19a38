package fr.rdvnumerique.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import fr.rdvnumerique.appointment.ui.ManageAppointmentView;
import fr.rdvnumerique.atelier.ui.ManageRegistrationView;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.notification.MailServer;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.StringUtils;

/**
 * Upgrading keeps everything: the previous release (the newest {@code v*} tag before HEAD, else the pinned
 * commit of 1.0.0) is built from git history and run as an operator ran it, on a fresh database, until its demo
 * data is loaded and its confirmation mails have gone out with their private links; it is stopped; then this
 * release starts on that database (its Flyway migrations run, as they would at an operator's). Then:
 * <ul>
 *   <li>the schema equals the one this release's migrations build on an empty database (information_schema:
 *       tables, columns and types, indexes, constraints), so two installs agree whatever their history;</li>
 *   <li>every table of the previous release keeps its rows;</li>
 *   <li>private links mailed by the previous release open their appointment and registration.</li>
 * </ul>
 * Tagged "upgrade": it needs the git history and builds another release (a few minutes), so {@code .ci/run} runs
 * it as a step of its own rather than within {@code ./mvnw verify}. On the MariaDB server of
 * {@code SPRING_DATASOURCE_URL}, or on the embedded one; everything listens on loopback only.
 */
@Tag("upgrade")
@SpringBootTest(properties = "rdv.database.per-context=false")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UpgradeFromPreviousReleaseTest extends SpringBrowserlessTest {

    private static final Duration READY_WITHIN = Duration.ofMinutes(6);
    private static final Pattern LINK = Pattern.compile("/(rendez-vous|inscription)/([A-Za-z0-9_-]{40,})");
    private static Installation installation;

    @Autowired JdbcTemplate jdbc;
    @Autowired RateLimiter limiter;

    /** This release's context opens the previous release's database: starting it is the upgrade. */
    @DynamicPropertySource
    static void thePreviousReleasesDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> installed().serverUrl() + installed().database());
        registry.add("spring.datasource.username", () -> installed().user());
        registry.add("spring.datasource.password", () -> installed().password());
    }

    @AfterAll
    static void dropDatabases() {
        if (installation != null) {
            var admin = installation.admin();
            admin.execute("drop database if exists `" + installation.database() + "`");
            admin.execute("drop database if exists `" + installation.freshDatabase() + "`");
        }
    }

    @Test
    void the_upgraded_schema_is_the_schema_of_a_fresh_install() {
        var upgraded = SchemaSnapshot.of(jdbc, installation.database());
        var fresh = SchemaSnapshot.of(installation.admin(), installation.freshDatabase());
        assertThat(fresh.hasTable("appointment")).as("the fresh install has the schema").isTrue();
        assertThat(upgraded.missingFrom(fresh)).as("only in the database upgraded from %s", installation.release().name())
                .isEmpty();
        assertThat(fresh.missingFrom(upgraded)).as("only in a fresh install of this release").isEmpty();
    }

    @Test
    void every_table_of_the_previous_release_keeps_its_rows() {
        assertThat(installation.rowsBefore()).as("the previous release loaded its demo data")
                .containsKeys("appointment", "atelier_registration", "outbound_message");
        assertThat(installation.rowsBefore().get("appointment")).isGreaterThan(100L);
        var after = new LinkedHashMap<String, Long>();
        installation.rowsBefore().keySet().forEach(table -> after.put(table, count(jdbc, table)));
        assertThat(after).isEqualTo(installation.rowsBefore());
    }

    @Test
    void private_links_mailed_by_the_previous_release_still_open_their_booking() {
        var appointments = installation.links("rendez-vous");
        var registrations = installation.links("inscription");
        assertThat(appointments).as("appointment links mailed by %s", installation.release().name()).isNotEmpty();
        assertThat(registrations).as("registration links mailed by %s", installation.release().name()).isNotEmpty();
        for (var link : appointments.subList(0, Math.min(3, appointments.size()))) {
            limiter.reset();
            navigate("rendez-vous/" + link.token(), ManageAppointmentView.class);
            assertThat($(H1.class).id("manage-title").getText()).isEqualTo("Mon rendez-vous");
            String date = $(Paragraph.class).id("manage-date").getText();
            // "mardi 8 décembre 2026 à 10 h 00": the mail that carried the link tells the same day.
            assertThat(link.mail()).as("the mail of this link").contains(date.substring(0, date.indexOf(" à ")));
        }
        for (var link : registrations.subList(0, Math.min(3, registrations.size()))) {
            limiter.reset();
            navigate("inscription/" + link.token(), ManageRegistrationView.class);
            assertThat($(H1.class).single().getText()).isEqualTo("Votre inscription");
            assertThat($(Paragraph.class).id("atelier-status").getText()).isNotBlank();
            String when = $(Paragraph.class).withClassName("atelier-when").single().getText();
            // "mardi 15 décembre 2026, de 14 h 00 à 16 h 00": the mail tells the same session.
            assertThat(link.mail()).as("the mail of this link").contains(when.substring(0, when.indexOf(',')));
        }
        limiter.reset();
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from `" + table + "`", Long.class);
    }

    /** A private link and the text of the mail that carried it. */
    record Link(String kind, String token, String mail) {
    }

    /**
     * The previous release after it ran: its database, the rows of each table when it stopped, the mails it sent;
     * and an empty database migrated by this release alone.
     */
    record Installation(PreviousRelease release, String serverUrl, String user, String password, String database,
                        String freshDatabase, Map<String, Long> rowsBefore, List<Link> mailedLinks) {

        JdbcTemplate admin() {
            return new JdbcTemplate(new DriverManagerDataSource(serverUrl, user, password));
        }

        List<Link> links(String kind) {
            return mailedLinks.stream().filter(link -> link.kind().equals(kind)).toList();
        }
    }

    private static synchronized Installation installed() {
        if (installation == null) {
            installation = install();
        }
        return installation;
    }

    private static Installation install() {
        Path repository = Path.of("").toAbsolutePath();
        Path work = repository.resolve("target/upgrade");
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var release = PreviousRelease.resolve(repository);
        Path jar = release.jar(repository, work);

        String configured = System.getenv("SPRING_DATASOURCE_URL");
        String serverUrl;
        String user;
        String password;
        String base;
        if (StringUtils.hasText(configured)) {
            serverUrl = ManagedDataSourceConfiguration.serverPart(configured);
            user = envOr("SPRING_DATASOURCE_USERNAME", "root");
            password = envOr("SPRING_DATASOURCE_PASSWORD", "");
            // Named after the configured database, so that CI's clean-up drops them with it.
            base = ManagedDataSourceConfiguration.databasePart(configured, "rdv");
        } else {
            serverUrl = EmbeddedMariaDb.startOrGet(new DatabaseProperties.Embedded(Path.of("target/mariadb-data"),
                    Path.of("target/mariadb-bin"), true, true, true)).serverUrl();
            user = "root";
            password = "";
            base = "rdv";
        }
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String database = base + "_upgrade_" + suffix;
        String fresh = base + "_fresh_" + suffix;
        var admin = new JdbcTemplate(new DriverManagerDataSource(serverUrl, user, password));
        for (String name : List.of(database, fresh)) {
            admin.execute("create database `" + name + "` character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        Flyway.configure().dataSource(serverUrl + fresh, user, password).locations("classpath:db/migration").load().migrate();

        var old = new JdbcTemplate(new DriverManagerDataSource(serverUrl + database, user, password));
        Path log = work.resolve("previous-release-" + suffix + ".log");
        List<Link> links;
        try (var mail = new MailServer().start()) {
            Process process = PreviousRelease.start(jar, Map.of(
                    "SPRING_DATASOURCE_URL", serverUrl + database,
                    "SPRING_DATASOURCE_USERNAME", user,
                    "SPRING_DATASOURCE_PASSWORD", password,
                    "RDV_DEMO_DATA", "true",
                    "RDV_ADMIN_EMAIL", "admin@upgrade.example.org",
                    "RDV_ADMIN_PASSWORD", "upgrade-check-password",
                    "SPRING_MAIL_HOST", "127.0.0.1",
                    "SPRING_MAIL_PORT", Integer.toString(mail.port())),
                    List.of("--server.port=0", "--server.address=127.0.0.1", "--management.server.port=-1",
                            "--rdv.notification.dispatcher.delay=2s"), log);
            try {
                links = awaitDemoDataAndMails(process, old, mail, log);
            } finally {
                PreviousRelease.stop(process);
            }
        }
        var rows = new LinkedHashMap<String, Long>();
        for (String table : old.queryForList("""
                select table_name from information_schema.tables
                where table_schema = ? and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                order by table_name""", String.class, database)) {
            rows.put(table, count(old, table));
        }
        return new Installation(release, serverUrl, user, password, database, fresh, rows, links);
    }

    /**
     * Waits until the previous release has loaded its demo data, handled every event and mailed at least one
     * appointment link and one registration link; bounded by {@link #READY_WITHIN}.
     */
    private static List<Link> awaitDemoDataAndMails(Process process, JdbcTemplate old, MailServer mail, Path log) {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The previous release stopped on its own:\n" + PreviousRelease.tail(log, 60));
            }
            var links = links(mail);
            if (settled(old) && links.stream().map(Link::kind).distinct().count() == 2) {
                return links;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The previous release did not load its demo data and send its mails within "
                        + READY_WITHIN + " (" + links.size() + " links received):\n" + PreviousRelease.tail(log, 60));
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Demo data loaded, no event waiting for its listener, no message being sent. */
    private static boolean settled(JdbcTemplate old) {
        try {
            return Integer.valueOf(1).equals(old.queryForObject("select loaded from demo_data_marker where id = 1", Integer.class))
                    && old.queryForObject("select count(*) from event_publication", Long.class) == 0
                    && old.queryForObject("select count(*) from outbound_message where status = 'SENDING'", Long.class) == 0;
        } catch (RuntimeException tablesNotThereYet) {
            return false;
        }
    }

    private static List<Link> links(MailServer mail) {
        var links = new ArrayList<Link>();
        Set<String> seen = new LinkedHashSet<>();
        for (MimeMessage message : mail.received()) {
            String text = plainText(message);
            var matcher = LINK.matcher(text);
            while (matcher.find()) {
                if (seen.add(matcher.group(2))) {
                    links.add(new Link(matcher.group(1), matcher.group(2), text));
                }
            }
        }
        return links;
    }

    private static String plainText(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                var multipart = (Multipart) part.getContent();
                var text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(plainText(multipart.getBodyPart(i)));
                }
                return text.toString();
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
