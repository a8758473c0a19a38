package fr.rdvnumerique.atelier;

import com.zaxxer.hikari.HikariDataSource;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.notification.MailServer;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.Benchmarks;
import fr.rdvnumerique.testing.ProductionNode;
import fr.rdvnumerique.testing.TestConfig;
import fr.rdvnumerique.testing.ThreadCpu;
import fr.rdvnumerique.testing.load.PortalScenario;
import fr.rdvnumerique.testing.load.PortalScenario.Person;
import fr.rdvnumerique.testing.load.RequestStats;
import fr.rdvnumerique.testing.load.VaadinVisitor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code bench/run portal-load}: {@code -Dbench.visitors} (200) residents at once on the public portal over HTTP,
 * driven through Vaadin's protocol by {@link PortalScenario} (no browser), against the production jar run as a
 * server of its own ({@link ProductionNode}: production mode, heap 1 GB, its mails sent to a GreenMail server) on
 * the database this test has seeded, in the extracted layout the container image runs (class path lookups, which
 * some libraries make per request, cost more in the nested jar). Each simulated visitor is a new tab (its own Vaadin session) behind an address
 * of its own in 198.18.0.0/15, given in {@code X-Forwarded-For} as a reverse proxy would (believed from loopback),
 * so the per-address limits stay on and each visitor meets its own.
 * <ol>
 * <li>Registrations for {@code -Dbench.seconds} (30): the ateliers list (the page, {@code ?v-r=init}, the
 * navigation), a session at random among ten of twelve seats, the form field by field, « Je m'inscris », the answer
 * read (a seat or the waiting list: both are completed registrations). Seats are contended: most visitors end on a
 * waiting list.</li>
 * <li>Bookings for {@code -Dbench.bookingSeconds} (10): the wizard from the place to the confirmation, at random
 * among the free days of the month shown and their times, two advisors at two places; a time taken meanwhile
 * sends the visitor to that day's fresh times.</li>
 * </ol>
 * Visitors take about {@code -Dbench.thinkMs} (1000) before each action (following a link, leaving a field,
 * pressing a button: half to one and a half of it), not counted in the requests' durations: a person does not
 * type a name in less. 0 makes every visitor fire its next request at once (the server saturated: throughput at
 * the cost of latency). {@code -Dbench.warmSeconds} (180) of the same on another territory warm the server up first
 * (not measured): a server runs for days, and on two busy cores its JIT still had 500 methods queued for C2 after
 * one minute (its compiler threads took a third of the CPU of a round measured then). Afterwards
 * the database is asked whether any session holds more confirmed seats than its capacity, or any advisor two
 * appointments at once (overbooked), and whether every seat a visitor was told is confirmed is one.
 * <p>
 * Targets (issue): ≥ 30 completed registrations per second, p95 ≤ 300 ms per request, no error, nothing
 * overbooked, on this machine with the load generator (this JVM) beside the server. The CPU time of both
 * processes is reported per registration, the server's by kind of thread ({@link ThreadCpu}), and beside them the
 * embedded database server's CPU and its statements per registration. {@code -Dbench.jfr=FILE} keeps the server's
 * flight recording of the registrations; {@code -Dbench.statementLog=true} prints their statements by shape;
 * {@code -Dbench.nodeOptions="..."} adds JVM options to the server's (to try one before the Dockerfile gets it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@Import(TestConfig.class)
@Tag("bench")
class PortalLoadBenchmark {

    private static final int SESSIONS = 10;
    private static final int CAPACITY = 12;

    @Autowired AtelierFixtures ateliers;
    @Autowired AppointmentFixtures appointments;
    @Autowired TerritoryFixtures territories;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;

    private final AtomicInteger addresses = new AtomicInteger();
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000, 36);
    private final AtomicInteger people = new AtomicInteger();

    /** What one phase of the run did. */
    private record Round(int completed, int errors, long wallNanos, RequestStats stats, Map<String, Integer> outcomes,
                         List<String> errorSamples, long serverCpuNanos, long generatorCpuNanos,
                         Map<String, Long> serverThreads, long databaseCpuNanos, long statements) {

        long cpuNanos() {
            return serverCpuNanos + generatorCpuNanos;
        }

        double perSecond() {
            return Math.round(completed * 10 / (wallNanos / 1e9)) / 10.0;
        }
    }

    @Test
    void portal_load() throws Exception {
        int visitors = Benchmarks.intSetting("visitors", 200);
        int seconds = Benchmarks.intSetting("seconds", 30);
        int bookingSeconds = Benchmarks.intSetting("bookingSeconds", 10);
        int warmSeconds = Benchmarks.intSetting("warmSeconds", 180);
        Duration think = Duration.ofMillis(Benchmarks.intSetting("thinkMs", 1000));
        System.out.println("bench portal-load: " + visitors + " visitors, " + Runtime.getRuntime().availableProcessors()
                + " cores; the production jar " + ProductionNode.jar().getFileName() + " as a server of its own");
        TestTerritory warm = programme("Echauffement");
        TestTerritory measured = programme("Charge");

        try (var mail = new MailServer().start();
             var server = ProductionNode.start(ProductionNode.extracted(), launch(mail));
             HttpClient http = VaadinVisitor.httpClient()) {
            Duration started = server.awaitFirstPage("", Duration.ofMinutes(3));
            System.out.println("bench portal-load: server up in " + started.toMillis() + " ms");
            URI base = URI.create(server.baseUrl());
            // Warm-up on a territory of its own (classes, JIT, pools), thrown away.
            var warmScenario = new PortalScenario(base, warm.slug()).thinkTime(think);
            Round warmRegistrations = round(server, http, warmScenario, visitors, warmSeconds * 2 / 3, true);
            Round warmBookings = round(server, http, warmScenario, visitors / 2, warmSeconds / 3, false);
            System.out.println("bench portal-load: warm-up " + warmRegistrations.completed() + " registrations, "
                    + warmBookings.completed() + " bookings, " + (warmRegistrations.errors() + warmBookings.errors()) + " errors");

            var scenario = new PortalScenario(base, measured.slug()).thinkTime(think);
            // -Dbench.jfr=/tmp/portal-load.jfr: the server's flight recording (profile settings) of the registrations.
            String jfr = System.getProperty("bench.jfr");
            if (jfr != null) {
                server.jcmd("JFR.start name=bench settings=profile");
            }
            // -Dbench.statementLog=true: the statements of the registrations, by shape, per registration.
            boolean log = Boolean.getBoolean("bench.statementLog");
            if (log) {
                jdbc.sql("set global log_output='TABLE'").update();
                jdbc.sql("truncate mysql.general_log").update();
                jdbc.sql("set global general_log=1").update();
            }
            Round registrations = round(server, http, scenario, visitors, seconds, true);
            if (log) {
                jdbc.sql("set global general_log=0").update();
                printStatementShapes(registrations.completed());
            }
            if (jfr != null) {
                server.jcmd("JFR.stop name=bench filename=" + Path.of(jfr).toAbsolutePath());
            }
            Round bookings = round(server, http, scenario, visitors, bookingSeconds, false);

            int overbookedSessions = jdbc.sql("""
                    select count(*) from atelier_session s where s.structure_id = :structure and s.capacity <
                    (select coalesce(sum(r.seats), 0) from atelier_registration r where r.session_id = s.id
                     and r.status = 'CONFIRMED')""").param("structure", measured.structureId()).query(Integer.class).single();
            int doubleBooked = jdbc.sql("""
                    select count(*) from appointment a join appointment b on a.advisor_id = b.advisor_id and a.id < b.id
                    where a.structure_id = :structure and a.status <> 'CANCELLED' and b.status <> 'CANCELLED'
                    and a.start_at < date_add(b.end_at, interval b.buffer_minutes minute)
                    and b.start_at < date_add(a.end_at, interval a.buffer_minutes minute)""")
                    .param("structure", measured.structureId()).query(Integer.class).single();
            int confirmedRows = jdbc.sql("""
                    select count(*) from atelier_registration r join atelier_session s on s.id = r.session_id
                    where s.structure_id = :structure and r.status = 'CONFIRMED'""")
                    .param("structure", measured.structureId()).query(Integer.class).single();
            int toldConfirmed = registrations.outcomes().getOrDefault("CONFIRMED", 0);

            print("registrations", registrations);
            print("bookings", bookings);
            Benchmarks.figure(String.format("seats: %d sessions of %d; %d confirmed in the database, %d visitors told "
                            + "« place réservée », %d on waiting lists; overbooked sessions %d, overlapping appointments %d",
                    SESSIONS, CAPACITY, confirmedRows, toldConfirmed, registrations.outcomes().getOrDefault("WAITLISTED", 0),
                    overbookedSessions, doubleBooked));

            var figures = Benchmarks.figures();
            figures.put("visitors", visitors);
            figures.put("think_ms", think.toMillis());
            figures.put("registrations_per_s", registrations.perSecond());
            figures.put("p50_ms", registrations.stats().percentileMs(50));
            figures.put("p95_ms", registrations.stats().percentileMs(95));
            figures.put("errors", registrations.errors() + bookings.errors());
            figures.put("overbooked", overbookedSessions + doubleBooked);
            figures.put("registrations", registrations.completed());
            figures.put("bookings_per_s", bookings.perSecond());
            figures.put("booking_p95_ms", bookings.stats().percentileMs(95));
            figures.put("cpu_ms_per_registration", Math.round(registrations.cpuNanos() / 1e6 / Math.max(1, registrations.completed())));
            figures.put("server_cpu_ms_per_registration",
                    Math.round(registrations.serverCpuNanos() / 1e6 / Math.max(1, registrations.completed())));
            figures.put("load", loadAverage());
            Benchmarks.result("portal-load", figures);

            var missed = new ArrayList<String>();
            if (registrations.perSecond() < 30) {
                missed.add("fewer than 30 registrations per second");
            }
            if (registrations.stats().percentileMs(95) > 300 || bookings.stats().percentileMs(95) > 300) {
                missed.add("p95 above 300 ms");
            }
            if (registrations.errors() + bookings.errors() > 0) {
                missed.add("errors");
            }
            if (overbookedSessions + doubleBooked > 0 || confirmedRows != toldConfirmed) {
                missed.add("overbooked, or seats told confirmed that are not");
            }
            if (!missed.isEmpty()) {
                System.out.println("bench portal-load MISSED: " + String.join(", ", missed));
                throw new AssertionError(String.join(", ", missed));
            }
        }
    }

    /**
     * {@code visitors} threads, each a new visitor after the other (new tab, new address, new person) until
     * {@code seconds} have passed; the round ends when the last journey started has ended.
     */
    private Round round(ProductionNode server, HttpClient http, PortalScenario scenario, int visitors, int seconds,
                        boolean register) throws InterruptedException {
        var stats = new RequestStats();
        var completed = new LongAdder();
        var errors = new LongAdder();
        var outcomes = new ConcurrentHashMap<String, Integer>();
        var samples = new ArrayList<String>();
        long serverCpuBefore = server.cpuNanos();
        long cpuBefore = processCpuNanos();
        Map<String, Long> threadsBefore = ThreadCpu.snapshot(server.pid());
        long database = ThreadCpu.embeddedDatabasePid().orElse(-1);
        long databaseBefore = ThreadCpu.processNanos(database);
        long statementsBefore = statements();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        var threads = new ArrayList<Thread>();
        for (int v = 0; v < visitors; v++) {
            threads.add(Thread.ofVirtual().name("visitor-" + v).start(() -> {
                while (System.nanoTime() < deadline) {
                    VaadinVisitor visitor = scenario.visitor(http, PortalScenario.address(addresses.incrementAndGet()), stats);
                    Person person = Person.of(run, people.incrementAndGet());
                    try {
                        String outcome = register ? scenario.register(visitor, person).name()
                                : scenario.book(visitor, person).slotsTaken() > 0 ? "BOOKED_AFTER_TAKEN" : "BOOKED";
                        outcomes.merge(outcome, 1, Integer::sum);
                        completed.increment();
                        // The next journey is a new tab: this one is closed as a resident closes it when done.
                        visitor.closeTab();
                    } catch (RuntimeException e) {
                        errors.increment();
                        synchronized (samples) {
                            if (samples.size() < 5) {
                                samples.add(e.toString());
                            }
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            // Bounded: a journey's requests time out after 30 s each.
            thread.join(TimeUnit.SECONDS.toMillis(seconds + 120));
        }
        long wall = System.nanoTime() - start;
        return new Round(completed.intValue(), errors.intValue(), wall, stats, Map.copyOf(outcomes), List.copyOf(samples),
                server.cpuNanos() - serverCpuBefore, processCpuNanos() - cpuBefore,
                ThreadCpu.between(threadsBefore, ThreadCpu.snapshot(server.pid())),
                database < 0 ? -1 : ThreadCpu.processNanos(database) - databaseBefore, statements() - statementsBefore);
    }

    /**
     * The statements of the general log (the server's and these checks'), their literals folded, the most frequent
     * first, with how many there were per registration: what each registration costs the database, and where.
     */
    private void printStatementShapes(int registrations) {
        var shapes = new TreeMap<String, Integer>();
        jdbc.sql("select command_type, convert(argument using utf8mb4) from mysql.general_log").query((rs, n) -> {
            String shape = (rs.getString(1) + " " + rs.getString(2)).replaceAll("'[^']*'", "?")
                    .replaceAll("\\b\\d+\\b", "N").replaceAll("\\s+", " ");
            shapes.merge(shape.length() > 230 ? shape.substring(0, 230) : shape, 1, Integer::sum);
            return shape;
        }).list();
        shapes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(60)
                .forEach(e -> Benchmarks.figure(String.format("  statement %.2f per registration: %s",
                        e.getValue() / (double) Math.max(1, registrations), e.getKey())));
    }

    /** Statements the database server has run so far (all its clients: the server's, these checks'). */
    private long statements() {
        return jdbc.sql("show global status like 'Questions'").query((rs, n) -> rs.getLong(2)).single();
    }

    /** CPU time of this process: the load generator (its JIT and GC included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The machine's load average over the last minute (other people's work included), as uptime prints it. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void print(String name, Round round) {
        RequestStats stats = round.stats();
        Benchmarks.figure(String.format("%s: %d completed in %.1f s (%.1f/s), %d errors; %d requests (%.0f/s), "
                        + "%d failed; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms per request; outcomes %s",
                name, round.completed(), round.wallNanos() / 1e9, round.perSecond(), round.errors(), stats.requests(),
                stats.requests() / (round.wallNanos() / 1e9), stats.failures(), stats.percentileMs(50),
                stats.percentileMs(95), stats.percentileMs(99), round.outcomes()));
        Benchmarks.figure(String.format("  CPU %.1f s over %.1f s (%.2f cores of %d; machine load %s): server %.1f ms per "
                        + "request, %.0f ms per journey; load generator %.0f ms per journey",
                round.cpuNanos() / 1e9, round.wallNanos() / 1e9, round.cpuNanos() / (double) round.wallNanos(),
                Runtime.getRuntime().availableProcessors(), loadAverage(),
                round.serverCpuNanos() / 1e6 / Math.max(1, stats.requests()),
                round.serverCpuNanos() / 1e6 / Math.max(1, round.completed()),
                round.generatorCpuNanos() / 1e6 / Math.max(1, round.completed())));
        var threads = new StringBuilder();
        round.serverThreads().entrySet().stream().limit(8).forEach(e -> threads.append(String.format(" %s %.1f;",
                e.getKey(), e.getValue() / 1e6 / Math.max(1, round.completed()))));
        Benchmarks.figure("  server threads, ms per journey:" + threads);
        Benchmarks.figure(String.format("  database server: %.0f statements per journey; %s",
                round.statements() / (double) Math.max(1, round.completed()), round.databaseCpuNanos() < 0
                        ? "its CPU is not measured (not the embedded server)"
                        : String.format("embedded server's CPU (not in the figures above) %.0f ms per journey",
                                round.databaseCpuNanos() / 1e6 / Math.max(1, round.completed()))));
        stats.byKind().forEach((kind, line) -> Benchmarks.figure("  " + kind + ": " + line));
        round.errorSamples().forEach(sample -> Benchmarks.figure("  error: " + sample));
    }

    /** The server against this test's database, behind a trusted proxy, its mails to {@code mail}. */
    private ProductionNode.Launch launch(MailServer mail) {
        var pool = (HikariDataSource) dataSource;
        return new ProductionNode.Launch("portal-load", pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword() == null ? "" : pool.getPassword(), nodeOptions(), Map.of())
                .withEnvironment("SPRING_MAIL_PORT", Integer.toString(mail.port()))
                .withEnvironment("RDV_FORWARD_HEADERS_STRATEGY", "native")
                .withEnvironment("TZ", "Europe/Paris");
    }

    private static List<String> nodeOptions() {
        var options = new ArrayList<>(List.of("-Xmx1g"));
        if (System.getProperty("bench.jfr") != null) {
            options.add("-XX:FlightRecorderOptions:stackdepth=512");
        }
        String extra = System.getProperty("bench.nodeOptions", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }

    /**
     * A territory with {@value #SESSIONS} atelier sessions of {@value #CAPACITY} seats (one a day from tomorrow)
     * and appointments every day 8:00–20:00 with two advisors, one at each place.
     */
    private TestTerritory programme(String label) {
        TestAtelier first = ateliers.create(label, CAPACITY, 1);
        TestTerritory territory = first.territory();
        for (int day = 2; day <= SESSIONS; day++) {
            ateliers.session(territory, first.workshopId(), ateliers.at(day, 14, 0), CAPACITY);
        }
        appointments.motif(territory);
        long second = territories.addAdvisor(territory, "Conseillère " + label);
        for (DayOfWeek day : DayOfWeek.values()) {
            appointments.open(territory, day, "08:00", "20:00");
            appointments.open(territory, second, territory.secondPlaceId(), day, "08:00", "20:00");
        }
        return territory;
    }
}
