package fr.rdvnumerique.base.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.notification.NotificationTestKit;
import fr.rdvnumerique.notification.internal.Outbox;
import fr.rdvnumerique.notification.mail.Dispatcher;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.EventListeners;
import fr.rdvnumerique.testing.TestClock;
import fr.rdvnumerique.testing.TestConfig;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator's monitoring sees, over HTTP as in production: the management port (its own, loopback only)
 * tells health with details, the release and the Prometheus metrics without a sign-in (the application's port
 * offers only the probes: SecurityIT); late messages take the « notifications » group down and nothing
 * else; logs are JSON lines when asked, with no personal data. A context of its own: the log format is chosen at
 * start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.structured.format.console=ecs")
@Import(TestConfig.class)
@ExtendWith(OutputCaptureExtension.class)
class MonitoringIT {

    @LocalServerPort int port;
    @LocalManagementPort int managementPort;

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures appointments;
    @Autowired BookingService booking;
    @Autowired Outbox outbox;
    @Autowired Dispatcher dispatcher;
    @Autowired RateLimiter limiter;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    /**
     * Logging is set up once per JVM, by the first context that starts: this class's context must set it up again,
     * as JSON; after it, the next context to start sets up plain text again.
     */
    @BeforeAll
    @AfterAll
    static void letTheNextContextSetUpLogging() {
        LoggingSystem.get(MonitoringIT.class.getClassLoader()).cleanUp();
    }

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void reset() {
        clock.reset();
        limiter.reset();
        // Nothing late stays behind for the next test.
        jdbc.update("update outbound_message set status = 'SENT', sent_at = created_at where status <> 'SENT'");
    }

    private HttpResponse<String> get(int toPort, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + toPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_management_port_tells_health_the_release_and_the_metrics_without_a_sign_in() throws Exception {
        var health = get(managementPort, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"components\"", "\"db\"", "\"outbox\"", "\"readinessState\"");
        assertThat(get(managementPort, "/actuator/info").body())
                .containsPattern("\"version\":\"\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\"");

        var metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains(
                "rdv_outbox_messages{channel=\"EMAIL\",status=\"PENDING\"}",
                "rdv_outbox_messages{channel=\"EMAIL\",status=\"FAILED\"}",
                "rdv_outbox_retrying{channel=\"EMAIL\"}",
                "rdv_outbox_oldest_pending_age_seconds{channel=\"EMAIL\"}",
                "rdv_outbox_late_messages ",
                "rdv_reminders_overdue ",
                "rdv_reminders_failed ",
                "rdv_appointments_booked_total{channel=\"KIOSK\"}",
                "rdv_atelier_registrations_total{channel=\"STAFF\"}",
                "rdv_sign_in_failures_total{reason=\"bad_credentials\"}",
                "jvm_memory_used_bytes");

        // Totals read from the database, still there after a garbage collection (Micrometer holds them weakly).
        System.gc();
        long web = jdbc.queryForObject("select count(*) from appointment where channel = 'WEB'", Long.class);
        assertThat(counter("rdv_appointments_booked_total{channel=\"WEB\"}")).isEqualTo(web);
    }

    @Test
    void messages_late_for_an_hour_take_the_notifications_group_down_and_leave_readiness_up() throws Exception {
        var territory = territories.create("Surveillance");
        assertThat(get(managementPort, "/actuator/health/notifications").statusCode()).isEqualTo(200);
        clock.set(clock.instant().minus(Duration.ofMinutes(61)));
        outbox.enqueue(NotificationTestKit.confirmation(territory, NotificationTestKit.newSubjectId(),
                "jeanne@surveillance.example.org", clock.instant().plus(Duration.ofDays(3))));
        clock.reset();

        var notifications = get(managementPort, "/actuator/health/notifications");
        assertThat(notifications.statusCode()).isEqualTo(503);
        assertThat(notifications.body()).contains("\"status\":\"DOWN\"", "\"lateMessages\":1", "\"lateAfter\":\"PT1H\"")
                .doesNotContain("jeanne");
        assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
        // Gauges read the database once per scrape (a reading lasts two seconds).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get(managementPort, "/actuator/prometheus").body()).contains("rdv_outbox_late_messages 1.0"));
    }

    @Test
    void sign_in_failures_and_rate_limit_refusals_are_counted_but_not_who() throws Exception {
        double before = counter("rdv_sign_in_failures_total{reason=\"bad_credentials\"}");
        for (int i = 0; i < 2; i++) {
            postLogin("personne.inconnue@surveillance.example.org", "pas le bon " + i);
        }
        assertThat(limiter.tryAcquire("monitoring.test", "192.0.2.7", 1)).isTrue();
        assertThat(limiter.tryAcquire("monitoring.test", "192.0.2.7", 1)).isFalse();

        assertThat(counter("rdv_sign_in_failures_total{reason=\"bad_credentials\"}")).isEqualTo(before + 2);
        assertThat(counter("rdv_rate_limit_refusals_total{purpose=\"monitoring.test\"}")).isEqualTo(1.0);
        assertThat(get(managementPort, "/actuator/prometheus").body()).doesNotContain("personne.inconnue", "192.0.2.7");
    }

    @Test
    void logs_are_json_lines_that_name_nobody(CapturedOutput output) throws Exception {
        var territory = territories.create("Journal");
        long motif = appointments.motif(territory);
        appointments.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
        LocalDate tuesday = LocalDate.now(ParisTime.ZONE).plusWeeks(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        var booked = booking.book(new BookingRequest(territory.placeId(), motif,
                ZonedDateTime.of(tuesday, LocalTime.of(10, 0), ParisTime.ZONE).toInstant(), "Gisèle", "Confidentielle",
                "gisele.confidentielle@journal.example.org", "06 12 34 56 78", true, Set.of(), "Mon mot de passe CAF",
                Origin.web("198.51.100.23")));
        assertThat(booked).isInstanceOf(PlaceResult.Confirmed.class);
        EventListeners.awaitIdle(jdbc);
        // The mail server is away (nothing listens on the test's SMTP port): the dispatcher logs the failure.
        dispatcher.runOnce();
        postLogin("gisele.confidentielle@journal.example.org", "mauvais mot de passe");

        var lines = output.getOut().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).as("something was logged").anySatisfy(line -> assertThat(line).contains("Outbox: 0 sent,"));
        var json = JsonMapper.builder().build();
        for (String line : lines) {
            var event = json.readTree(line);
            // Elastic Common Schema: {"@timestamp":…,"log":{"level":…,"logger":…},…,"message":…}
            assertThat(event.has("@timestamp") && event.path("log").has("level") && event.has("message")).as(line).isTrue();
        }
        assertThat(output.getAll()).doesNotContain("gisele", "Gisèle", "Confidentielle", "06 12 34 56 78",
                "+33612345678", "mot de passe CAF", "198.51.100.23", ((PlaceResult.Confirmed<AppointmentCard, FreeSlot>) booked).managementToken());
    }

    private double counter(String series) throws Exception {
        return get(managementPort, "/actuator/prometheus").body().lines().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1))).findFirst().orElse(0);
    }

    private void postLogin(String email, String password) throws Exception {
        get(port, "/login");
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login?error");
    }
}
