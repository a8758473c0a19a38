package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import fr.rdvnumerique.Application;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.notification.jobs.ReminderJob;
import fr.rdvnumerique.notification.mail.Dispatcher;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import fr.rdvnumerique.testing.TestConfig;
import fr.rdvnumerique.notification.domain.StaffNote;
import fr.rdvnumerique.notification.domain.StaffNote.Code;
import java.sql.DriverManager;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Real application instances, each a whole Spring context of the application (its own listeners, outbox
 * dispatcher, reminder job, mail sender, clock), sharing one fresh database on the test's MariaDB server, against a
 * real SMTP server that is down, then up:
 * <ol>
 *   <li>instance A takes 20 bookings through the real booking service while the mail server is down: all succeed,
 *       20 mails wait in the outbox after a failed attempt;</li>
 *   <li>A stops (its context is closed): a restart;</li>
 *   <li>the mail server comes back; instances B and C start on the same database and drain the outbox at the same
 *       time: exactly 20 mails arrive, none twice;</li>
 *   <li>the reminders of those 20 bookings fall due: B's and C's reminder jobs and dispatchers run at the same time:
 *       each reminder arrives exactly once.</li>
 * </ol>
 * The shared test context only lends its database server. Each instance runs as in production, web server
 * included (on a free port), with the test clock so that hours can pass.
 */
@IntegrationTest
class TwoInstancesTest {

    @Autowired DataSource sharedDataSource;

    @Test
    void an_outage_a_restart_and_two_instances_on_one_database_lose_nothing_and_send_nothing_twice() throws Exception {
        var shared = (HikariDataSource) sharedDataSource;
        String url = shared.getJdbcUrl();
        String serverUrl = url.substring(0, url.indexOf('/', url.indexOf("//") + 2) + 1);
        String database = shared.getJdbcUrl().substring(serverUrl.length()).replaceAll("[?].*", "") + "_i"
                + UUID.randomUUID().toString().substring(0, 8);
        execute(serverUrl, shared, "create database `" + database + "` character set utf8mb4 collate utf8mb4_unicode_ci");
        String domain = "instances.example.org";
        var instances = new ArrayList<ConfigurableApplicationContext>();
        try (var mail = new MailServer()) {
            Supplier<ConfigurableApplicationContext> instance = () -> {
                var context = start(serverUrl + database, shared, mail.port());
                instances.add(context);
                return context;
            };

            // 1. Instance A, the mail server down: 20 bookings succeed.
            var a = instance.get();
            clock(a).setParis(2026, 11, 30, 9, 0);
            var territory = a.getBean(TerritoryFixtures.class).create("Instances");
            var fixtures = a.getBean(AppointmentFixtures.class);
            long motif = fixtures.motif(territory);
            // Thursday 3 and Friday 4 December, ten slots a day.
            fixtures.open(territory, DayOfWeek.THURSDAY, "09:00", "19:00");
            fixtures.open(territory, DayOfWeek.FRIDAY, "09:00", "19:00");
            var booking = a.getBean(BookingService.class);
            List<FreeSlot> slots = booking.freeSlots(territory.placeId(), motif, LocalDate.of(2026, 12, 3),
                    LocalDate.of(2026, 12, 4));
            assertThat(slots).hasSizeGreaterThanOrEqualTo(20);
            var names = List.of("Anne", "Bruno", "Chloé", "David", "Emma", "Fabien", "Gisèle", "Hugo", "Inès", "Jules",
                    "Karine", "Louis", "Marie", "Nathan", "Odile", "Paul", "Quentin", "Rose", "Simon", "Thérèse");
            for (int i = 0; i < 20; i++) {
                var result = booking.book(new BookingRequest(territory.placeId(), motif, slots.get(i).start(),
                        names.get(i), "Martin", "personne" + i + "@" + domain, null, true, Set.of(), null,
                        Origin.web("198.51.100." + i)));
                assertThat(result).as("booking " + i).isInstanceOf(PlaceResult.Confirmed.class);
            }
            a.getBean(NotificationTestKit.class).awaitEvents();
            a.getBean(Dispatcher.class).runOnce();
            var jdbc = a.getBean(JdbcTemplate.class);
            assertThat(statuses(jdbc, domain, "APPOINTMENT_BOOKED")).hasSize(20).containsOnly("PENDING");
            assertThat(jdbc.queryForList("select last_error from outbound_message where recipient like ?", String.class,
                    "%@" + domain)).allSatisfy(error -> assertThat(StaffNote.parse(error).code()).isEqualTo(Code.MAIL_SERVER_UNREACHABLE));

            // 2. A stops.
            a.close();

            // 3. The mail server is back; B and C start on the same database and drain the outbox together.
            mail.start();
            var b = instance.get();
            var c = instance.get();
            for (var context : List.of(b, c)) {
                clock(context).setParis(2026, 11, 30, 9, 1);
            }
            var sent = together(b.getBean(Dispatcher.class)::runOnce, c.getBean(Dispatcher.class)::runOnce);
            assertThat(sent.stream().mapToInt(Dispatcher.Report::sent).sum()).isEqualTo(20);
            await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedFor(domain).size() >= 20);
            assertThat(mail.receivedFor(domain)).hasSize(20);
            assertThat(new HashSet<>(mail.receivedFor(domain).stream().map(MailServer::messageId).toList())).hasSize(20);
            var bJdbc = b.getBean(JdbcTemplate.class);
            assertThat(statuses(bJdbc, domain, "APPOINTMENT_BOOKED")).hasSize(20).containsOnly("SENT");
            assertThat(bJdbc.queryForList("select attempts from outbound_message where recipient like ?",
                    Integer.class, "%@" + domain)).containsOnly(2);

            // 4. Wednesday 2 December, 18:00: every reminder (two days before, same time) is due, no appointment has
            // begun; both instances run their jobs.
            for (var context : List.of(b, c)) {
                clock(context).setParis(2026, 12, 2, 18, 0);
            }
            var queued = together(b.getBean(ReminderJob.class)::runOnce, c.getBean(ReminderJob.class)::runOnce);
            assertThat(queued.stream().mapToInt(ReminderJob.Report::queued).sum()).isEqualTo(20);
            together(b.getBean(Dispatcher.class)::runOnce, c.getBean(Dispatcher.class)::runOnce);
            await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedFor(domain).size() >= 40);
            var reminders = mail.receivedFor(domain).stream().map(ReceivedMail::of)
                    .filter(m -> m.subject().startsWith("Rappel : rendez-vous")).toList();
            assertThat(reminders).hasSize(20);
            assertThat(reminders.stream().map(m -> m.text().lines().filter(l -> l.startsWith("Bonjour")).findFirst()
                    .orElseThrow()).distinct()).as("one per person").hasSize(20);
            assertThat(mail.receivedFor(domain)).hasSize(40);
            assertThat(statuses(bJdbc, domain, "REMINDER")).hasSize(20).containsOnly("SENT");
            assertThat(together(b.getBean(ReminderJob.class)::runOnce, c.getBean(ReminderJob.class)::runOnce))
                    .as("nothing left").allSatisfy(report -> assertThat(report.queued()).isZero());
        } finally {
            instances.forEach(ConfigurableApplicationContext::close);
            execute(serverUrl, shared, "drop database if exists `" + database + "`");
        }
    }

    /** One more instance of the whole application, on the given database, sending to the given SMTP port. */
    private static ConfigurableApplicationContext start(String jdbcUrl, HikariDataSource shared, int smtpPort) {
        // Vaadin's security set-up installs its context holder strategy JVM-wide; the other tests' context (and
        // StaffLogin) go on using the one they started with.
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        try {
            return instance(jdbcUrl, shared, smtpPort);
        } finally {
            SecurityContextHolder.setContextHolderStrategy(strategy);
        }
    }

    private static ConfigurableApplicationContext instance(String jdbcUrl, HikariDataSource shared, int smtpPort) {
        // Command-line arguments: they come before the test configuration, which gives each context a database
        // of its own.
        return new SpringApplicationBuilder(Application.class, TestConfig.class)
                .web(WebApplicationType.SERVLET)
                .run("--server.port=0", "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=" + shared.getUsername(),
                        "--spring.datasource.password=" + (shared.getPassword() == null ? "" : shared.getPassword()),
                        "--rdv.database.per-context=false", "--spring.datasource.hikari.maximum-pool-size=10",
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                        "--spring.mail.properties.mail.smtp.connectiontimeout=2000");
    }

    private static TestClock clock(ConfigurableApplicationContext context) {
        return context.getBean(TestClock.class);
    }

    private static List<String> statuses(JdbcTemplate jdbc, String domain, String kind) {
        return jdbc.queryForList("select status from outbound_message where recipient like ? and kind = ?", String.class,
                "%@" + domain, kind);
    }

    /** Runs two jobs at the same moment, on two threads, and returns their reports. */
    @SafeVarargs
    private static <T> List<T> together(Callable<T>... jobs) throws Exception {
        var barrier = new CyclicBarrier(jobs.length);
        var pool = Executors.newFixedThreadPool(jobs.length);
        try {
            var futures = new ArrayList<Future<T>>();
            for (Callable<T> job : jobs) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return job.call();
                }));
            }
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static void execute(String serverUrl, HikariDataSource shared, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(serverUrl, shared.getUsername(), shared.getPassword());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
