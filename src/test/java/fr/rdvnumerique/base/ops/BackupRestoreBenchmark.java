package fr.rdvnumerique.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import fr.rdvnumerique.Application;
import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.AppointmentStatus;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.appointment.MotifSummary;
import fr.rdvnumerique.atelier.AtelierCatalogue;
import fr.rdvnumerique.atelier.RegistrationRequest;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.atelier.SessionCard;
import fr.rdvnumerique.atelier.SessionFilter;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.notification.MailServer;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import fr.rdvnumerique.testing.Benchmarks;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code bench/run backup-restore}: the backup service's own script ({@code docker/backup/rdv-backup.sh}) on a
 * database holding a year of demo history, while residents book and register; the backup restored by the same
 * script into a new database; the application started on it. Checks: every table has the rows of the backup
 * (counted in the dump itself), no foreign key points nowhere, private links given before the backup open their
 * appointment and registration, and no mail that had left before the backup leaves again.
 * <p>
 * Mails waiting in the outbox at the backup's moment do leave after the restore: the figures say how many, and how
 * many of those the lost server had delivered after the backup point (a restore cannot know; they carry the same
 * Message-ID). Settings: {@code -Dbench.threads} (2 booking threads), {@code -Dbench.before} (bookings and
 * registrations made before the backup, 10 each). On the embedded MariaDB or the server of
 * {@code SPRING_DATASOURCE_URL}; SMTP servers and the restored application on loopback.
 */
@SpringBootTest(properties = {"rdv.demo-data=true", "rdv.notification.jobs-enabled=true",
        "rdv.notification.dispatcher.delay=1s", "spring.mail.host=127.0.0.1"})
@Tag("bench")
class BackupRestoreBenchmark {

    private static final Path SCRIPT = Path.of("docker/backup/rdv-backup.sh");
    private static final Pattern INSERT = Pattern.compile("^INSERT INTO `([^`]+)` VALUES *");
    private static final Pattern CREATE = Pattern.compile("^CREATE TABLE `([^`]+)`");
    /** The running application's SMTP server: stopped at the "disaster", so it delivers nothing after. */
    private static final MailServer LOST_SERVER_MAIL = new MailServer().start();

    @Autowired TerritoryDirectory directory;
    @Autowired BookingService booking;
    @Autowired AtelierCatalogue catalogue;
    @Autowired RegistrationService registrations;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @TempDir Path backups;

    private final AtomicInteger people = new AtomicInteger();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", LOST_SERVER_MAIL::port);
    }

    @AfterAll
    static void stopMail() {
        LOST_SERVER_MAIL.stop();
    }

    @Test
    void a_backup_taken_while_people_book_restores_with_every_row_link_and_sent_mail() throws Exception {
        int threads = Benchmarks.intSetting("threads", 2);
        int before = Benchmarks.intSetting("before", 10);
        long ludres = directory.structureBySlug("ludres").orElseThrow().id();
        awaitQuiet(jdbc, Duration.ofMinutes(5));
        System.out.println("bench backup-restore: " + jdbc.queryForObject("select count(*) from appointment", Long.class)
                + " appointments and " + jdbc.queryForObject("select count(*) from atelier_registration", Long.class)
                + " registrations of demo history, " + threads + " booking threads, "
                + Runtime.getRuntime().availableProcessors() + " cores");

        var slots = new ConcurrentLinkedQueue<>(freeSlots(ludres));
        var sessions = catalogue.upcoming(ludres, SessionFilter.all()).stream().filter(SessionCard::registrationOpen).toList();
        assertThat(sessions).as("demo sessions open for registration").isNotEmpty();
        var appointmentLinks = new LinkedHashMap<String, Instant>();
        var registrationLinks = new LinkedHashMap<String, Long>();
        for (int i = 0; i < before; i++) {
            if (book(slots) instanceof PlaceResult.Confirmed<AppointmentCard, FreeSlot> booked) {
                appointmentLinks.put(booked.managementToken(), booked.details().start());
            }
            switch (register(sessions.get(i % sessions.size()))) {
                case PlaceResult.Confirmed<Seats, Void> confirmed -> registrationLinks.put(confirmed.managementToken(), confirmed.id());
                case PlaceResult.Waitlisted<Seats, Void> waiting -> registrationLinks.put(waiting.managementToken(), waiting.id());
                default -> { }
            }
        }
        assertThat(appointmentLinks).as("bookings before the backup").isNotEmpty();
        awaitQuiet(jdbc, Duration.ofMinutes(2));

        // People keep booking and registering while the backup runs.
        var stop = new AtomicBoolean();
        var backupRunning = new AtomicBoolean();
        var made = new AtomicInteger();
        var madeDuringBackup = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    boolean ok = i % 2 == 0 && !slots.isEmpty() ? book(slots) instanceof PlaceResult.Confirmed
                            : !(register(sessions.get(i % sessions.size())) instanceof PlaceResult.Refused);
                    if (ok) {
                        made.incrementAndGet();
                        if (backupRunning.get()) {
                            madeDuringBackup.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        Thread.sleep(1000);
        backupRunning.set(true);
        long backupStart = System.nanoTime();
        var backup = script(Map.of(), "once");
        long backupMs = (System.nanoTime() - backupStart) / 1_000_000;
        backupRunning.set(false);
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        Thread.sleep(2000);
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        // The server keeps sending what the last bookings queued for a moment, then the disk is lost.
        Thread.sleep(3000);
        Set<String> deliveredByTheLostServer = messageIds(LOST_SERVER_MAIL);
        LOST_SERVER_MAIL.stop();

        Path dump;
        try (var files = Files.list(backups.resolve("daily"))) {
            dump = files.findFirst().orElseThrow();
        }
        Map<String, Long> rowsInBackup = rowsIn(dump);
        String restored = database() + "_restored";
        long restoreStart = System.nanoTime();
        var restore = script(Map.of("MARIADB_DATABASE", restored), "restore", dump.toString());
        long restoreMs = (System.nanoTime() - restoreStart) / 1_000_000;
        assertThat(restore.exitCode()).as(restore.output()).isZero();

        var copy = new JdbcTemplate(new DriverManagerDataSource(serverUrl() + restored, user(), password()));
        var rowsRestored = new TreeMap<String, Long>();
        for (String table : copy.queryForList("""
                select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE'""",
                String.class, restored)) {
            rowsRestored.put(table, copy.queryForObject("select count(*) from `" + table + "`", Long.class));
        }
        boolean sameRows = rowsRestored.equals(rowsInBackup);
        boolean sequencesAhead = sequencesAhead(copy, restored);
        long orphans = orphans(copy, restored);
        Set<String> sentInBackup = new HashSet<>(copy.queryForList(
                "select message_id from outbound_message where status = 'SENT'", String.class));
        Set<String> queuedInBackup = new HashSet<>(copy.queryForList(
                "select message_id from outbound_message where status in ('PENDING', 'SENDING')", String.class));

        // The application on the restored database, with a mail server of its own.
        var restoredMail = new MailServer().start();
        boolean linksOk;
        boolean writesOk;
        Set<String> deliveredAfterRestore;
        long startMs;
        long startAt = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run(
                "--spring.datasource.url=" + serverUrl() + restored, "--spring.datasource.username=" + user(),
                "--spring.datasource.password=" + password(), "--rdv.database.per-context=false",
                "--rdv.demo-data=false", "--rdv.notification.jobs-enabled=true", "--rdv.notification.dispatcher.delay=1s",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + restoredMail.port(), "--server.port=0",
                "--server.address=127.0.0.1", "--management.server.port=-1", "--spring.main.banner-mode=off")) {
            startMs = (System.nanoTime() - startAt) / 1_000_000;
            var restoredBooking = app.getBean(BookingService.class);
            var restoredRegistrations = app.getBean(RegistrationService.class);
            linksOk = appointmentLinks.entrySet().stream().allMatch(link -> restoredBooking.findByToken(link.getKey())
                    .filter(card -> card.status() == AppointmentStatus.BOOKED && card.start().equals(link.getValue()))
                    .isPresent())
                    && registrationLinks.entrySet().stream().allMatch(link -> restoredRegistrations.findByToken(link.getKey())
                    .filter(r -> r.registrationId() == link.getValue()).isPresent());
            // And people go on registering: the restored sequences give ids no row has.
            writesOk = !(restoredRegistrations.register(new RegistrationRequest(sessions.getFirst().id(), "Personne",
                    "Après restauration", "apres@sauvegarde.example.org", null, null, null, null, true, AgeBand.NON_COMMUNIQUE,
                    Set.of(), true, Origin.web("10.7.0.1"))) instanceof PlaceResult.Refused);
            awaitQuiet(copy, Duration.ofMinutes(3));
            Thread.sleep(2000);
            deliveredAfterRestore = messageIds(restoredMail);
        } finally {
            restoredMail.stop();
            jdbc.execute("drop database if exists `" + restored + "`");
        }
        long resent = deliveredAfterRestore.stream().filter(sentInBackup::contains).count();
        long queuedSent = deliveredAfterRestore.stream().filter(queuedInBackup::contains).count();
        long queuedTwice = deliveredAfterRestore.stream()
                .filter(id -> queuedInBackup.contains(id) && deliveredByTheLostServer.contains(id)).count();

        long rows = rowsInBackup.values().stream().mapToLong(Long::longValue).sum();
        Benchmarks.figure(made.get() + " bookings and registrations made while the load ran, " + madeDuringBackup.get()
                + " of them during the backup (" + backupMs + " ms, " + Files.size(dump) / 1024 + " KiB gzipped)");
        Benchmarks.figure("restore " + restoreMs + " ms; application started on the restored database in " + startMs + " ms");
        if (!sameRows) {
            var tables = new java.util.TreeSet<>(rowsInBackup.keySet());
            tables.addAll(rowsRestored.keySet());
            for (String table : tables) {
                if (!java.util.Objects.equals(rowsInBackup.get(table), rowsRestored.get(table))) {
                    Benchmarks.figure("MISSED " + table + ": " + rowsInBackup.get(table) + " rows in the backup, "
                            + rowsRestored.get(table) + " restored");
                }
            }
        }
        Benchmarks.figure(queuedInBackup.size() + " mails were waiting in the backup; " + queuedSent
                + " of them left after the restore, " + queuedTwice + " of which the lost server had delivered after the"
                + " backup point (reminders wait for 08:00; a mail being sent waits for its lease)");
        Benchmarks.figure("targets: restored " + (sameRows ? "met" : "MISSED") + ", orphans=0 " + (orphans == 0 ? "met" : "MISSED")
                + ", sequences ahead of their tables " + (sequencesAhead ? "met" : "MISSED") + ", links " + (linksOk ? "met" : "MISSED")
                + ", a registration after the restore " + (writesOk ? "met" : "MISSED") + ", resent_mails=0 "
                + (resent == 0 ? "met" : "MISSED"));

        var figures = Benchmarks.figures();
        figures.put("rows", rows);
        figures.put("tables", rowsInBackup.size());
        figures.put("restored", sameRows ? "yes" : "no");
        figures.put("links_ok", linksOk ? "yes" : "no");
        figures.put("resent_mails", resent);
        figures.put("backup_ms", backupMs);
        figures.put("restore_ms", restoreMs);
        figures.put("during_backup", madeDuringBackup.get());
        figures.put("orphans", orphans);
        figures.put("queued_sent", queuedSent);
        figures.put("queued_twice", queuedTwice);
        Benchmarks.result("backup-restore", figures);

        assertThat(sameRows).as("every table has the rows of the backup").isTrue();
        assertThat(orphans).as("rows whose foreign key points nowhere").isZero();
        assertThat(linksOk).as("private links from before the backup open their booking").isTrue();
        assertThat(sequencesAhead).as("restored sequences give ids beyond their tables' rows").isTrue();
        assertThat(writesOk).as("a registration on the restored database").isTrue();
        assertThat(resent).as("mails sent before the backup, sent again").isZero();
        assertThat(madeDuringBackup.get()).as("bookings made while the backup ran").isPositive();
    }

    /** Free slots of the next weeks at every place of the structure, for every motif offered there. */
    private List<Booking> freeSlots(long structureId) {
        LocalDate today = LocalDate.now(ParisTime.ZONE);
        var all = new ArrayList<Booking>();
        for (MotifSummary motif : booking.motifs(structureId)) {
            for (PlaceSummary place : booking.bookablePlaces(structureId)) {
                if (motif.placeIds().contains(place.id())) {
                    for (FreeSlot slot : booking.freeSlots(place.id(), motif.id(), today, today.plusWeeks(6))) {
                        all.add(new Booking(place.id(), motif.id(), slot.start()));
                    }
                }
            }
        }
        return all;
    }

    private record Booking(long placeId, long motifId, Instant start) {
    }

    private PlaceResult<AppointmentCard, FreeSlot> book(ConcurrentLinkedQueue<Booking> slots) {
        while (true) {
            Booking next = slots.poll();
            if (next == null) {
                return new PlaceResult.Refused<>("bench.no-slot-left");
            }
            int n = people.incrementAndGet();
            var result = booking.book(new BookingRequest(next.placeId(), next.motifId(), next.start(), "Personne", "Essai",
                    "personne" + n + "@sauvegarde.example.org", null, true, Set.of(), null,
                    Origin.web("10.9." + (n / 250) % 250 + "." + n % 250)));
            if (!(result instanceof PlaceResult.SlotTaken)) {
                return result;
            }
        }
    }

    private PlaceResult<Seats, Void> register(SessionCard session) {
        int n = people.incrementAndGet();
        // An address of each person's own: the per-address limit would otherwise answer "try later".
        return registrations.register(new RegistrationRequest(session.id(), "Personne", "Essai " + n,
                "inscrit" + n + "@sauvegarde.example.org", null, null, null, null, true, AgeBand.NON_COMMUNIQUE,
                Set.of(), true, Origin.web("10.8." + (n / 250) % 250 + "." + n % 250)));
    }

    /**
     * Every table of the dump and the rows its INSERT statements hold. mariadb-dump writes {@code INSERT INTO `t`
     * VALUES} and then the rows, one a line with {@code --quick} (a newline inside a value is written {@code \n}),
     * the last one ending in {@code ;}.
     */
    static Map<String, Long> rowsIn(Path dump) throws Exception {
        var rows = new TreeMap<String, Long>();
        try (var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(dump)),
                StandardCharsets.UTF_8))) {
            Tuples insert = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (insert == null) {
                    Matcher create = CREATE.matcher(line);
                    if (create.find()) {
                        rows.putIfAbsent(create.group(1), 0L);
                    }
                    Matcher start = INSERT.matcher(line);
                    if (start.find()) {
                        insert = new Tuples(start.group(1));
                        line = line.substring(start.end());
                    }
                }
                if (insert != null && insert.read(line)) {
                    rows.merge(insert.table, insert.count, Long::sum);
                    insert = null;
                }
            }
        }
        return rows;
    }

    /** The rows of one INSERT: "(…),(…);" over one line or several; parentheses inside quoted strings do not count. */
    static final class Tuples {

        final String table;
        long count;
        private int depth;
        private boolean quoted;

        Tuples(String table) {
            this.table = table;
        }

        /** Reads a line of the statement; true when the statement ends on it. */
        boolean read(String line) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '\'') {
                        quoted = false;
                    }
                } else if (c == '\'') {
                    quoted = true;
                } else if (c == '(') {
                    if (depth++ == 0) {
                        count++;
                    }
                } else if (c == ')') {
                    depth--;
                } else if (c == ';' && depth == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Every sequence ({@code <table>_seq}, Hibernate's) restored at a value beyond its table's ids, so that new rows
     * do not collide with restored ones.
     */
    private static boolean sequencesAhead(JdbcTemplate jdbc, String schema) {
        boolean ahead = true;
        for (String sequence : jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = ? and table_type = 'SEQUENCE'",
                String.class, schema)) {
            String table = sequence.substring(0, sequence.length() - "_seq".length());
            long next = jdbc.queryForObject("select next_not_cached_value from `" + sequence + "`", Long.class);
            Long max = jdbc.queryForObject("select max(id) from `" + table + "`", Long.class);
            if (max != null && next <= max) {
                Benchmarks.figure("MISSED " + sequence + " restored at " + next + ", " + table + " has id " + max);
                ahead = false;
            }
        }
        return ahead;
    }

    /** Rows whose foreign key names a row that is not there (the dump is restored with the keys switched off). */
    private static long orphans(JdbcTemplate jdbc, String schema) {
        var keys = new LinkedHashMap<String, List<String[]>>();
        jdbc.query("""
                select table_name, constraint_name, column_name, referenced_table_name, referenced_column_name
                from information_schema.key_column_usage
                where table_schema = ? and referenced_table_name is not null
                order by table_name, constraint_name, ordinal_position""", rs -> {
            keys.computeIfAbsent(rs.getString(1) + "." + rs.getString(2), k -> new ArrayList<>())
                    .add(new String[] {rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(5)});
        }, schema);
        long orphans = 0;
        for (var columns : keys.values()) {
            String child = columns.getFirst()[0];
            String parent = columns.getFirst()[2];
            var join = new ArrayList<String>();
            var present = new ArrayList<String>();
            for (String[] column : columns) {
                join.add("p.`" + column[3] + "` = c.`" + column[1] + "`");
                present.add("c.`" + column[1] + "` is not null");
            }
            orphans += jdbc.queryForObject("select count(*) from `" + child + "` c where " + String.join(" and ", present)
                    + " and not exists (select 1 from `" + parent + "` p where " + String.join(" and ", join) + ")",
                    Long.class);
        }
        return orphans;
    }

    /** No event waiting for its listener and no mail due: what the application had to do is done. */
    private static void awaitQuiet(JdbcTemplate jdbc, Duration atMost) throws InterruptedException {
        BooleanSupplier quiet = () -> jdbc.queryForObject("""
                select (select count(*) from event_publication where completion_date is null
                        and (status is null or status <> 'FAILED'))
                     + (select count(*) from outbound_message where status = 'PENDING' and kind <> 'REMINDER'
                        and next_attempt_at <= utc_timestamp(6))""", Long.class) == 0;
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!quiet.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Events or mails still waiting after " + atMost);
            }
            Thread.sleep(200);
        }
    }

    private static Set<String> messageIds(MailServer server) {
        var ids = new HashSet<String>();
        server.received().forEach(message -> ids.add(MailServer.messageId(message)));
        return ids;
    }

    private record Result(int exitCode, String output) {
    }

    private Result script(Map<String, String> settings, String... arguments) throws Exception {
        var command = new ArrayList<>(List.of("bash", SCRIPT.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        var env = builder.environment();
        String server = serverUrl(); // jdbc:mariadb://127.0.0.1:PORT/
        String hostAndPort = server.substring(server.indexOf("//") + 2, server.length() - 1);
        env.put("MARIADB_HOST", hostAndPort.contains(":") ? hostAndPort.substring(0, hostAndPort.indexOf(':')) : hostAndPort);
        env.put("MARIADB_PORT", hostAndPort.contains(":") ? hostAndPort.substring(hostAndPort.indexOf(':') + 1) : "3306");
        env.put("MARIADB_DATABASE", database());
        env.put("MARIADB_USER", user());
        env.put("MARIADB_PASSWORD", password());
        env.put("BACKUP_DIR", backups.toString());
        env.put("TZ", "Europe/Paris");
        env.put("PATH", BackupScriptTest.clientTools() + ":" + env.get("PATH"));
        env.putAll(settings);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private String jdbcUrl() {
        return ((HikariDataSource) dataSource).getJdbcUrl();
    }

    private String serverUrl() {
        String url = jdbcUrl();
        return url.substring(0, url.indexOf('/', url.indexOf("//") + 2) + 1);
    }

    private String database() {
        String rest = jdbcUrl().substring(serverUrl().length());
        return rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
    }

    private String user() {
        return ((HikariDataSource) dataSource).getUsername();
    }

    private String password() {
        String password = ((HikariDataSource) dataSource).getPassword();
        return password == null ? "" : password;
    }
}
