package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.TestConfig;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The feeds over HTTP, as calendar clients and commune websites fetch them, without signing in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestConfig.class)
class CalendarFeedsIT {

    @LocalServerPort int port;
    @Autowired TerritoryFixtures fixtures;
    @Autowired CalendarFeeds feeds;
    @Autowired AtelierFixtures ateliers;
    @Autowired NotificationTestKit kit;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_advisor_feed_is_served_as_utf8_icalendar_and_a_revoked_address_is_not_found() throws Exception {
        TestTerritory territory = fixtures.create("Flux HTTP");
        var principal = StaffLogin.advisor(territory.structureId(), territory.advisorId());
        kit.staffAccount(principal.accountId(), territory.structureId(), territory.advisorId(),
                "conseil@" + territory.slug() + ".example.org", "ADVISOR");
        String url = feeds.createMyFeed();
        String path = URI.create(url).getPath();

        var response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.toLowerCase().replace(" ", "")).isEqualTo("text/calendar;charset=utf-8"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        var calendar = new CalendarBuilder().build(new StringReader(response.body()));
        assertThat(calendar.validate().hasErrors()).isFalse();
        assertThat(response.body()).contains("X-WR-CALNAME:Agenda de Conseiller Flux HTTP", "REFRESH-INTERVAL;VALUE=DURATION:PT1H");

        feeds.revokeMyFeed();
        assertThat(get(path).statusCode()).isEqualTo(404);
        assertThat(get("/public/feeds/conseiller/" + "A".repeat(43) + ".ics").statusCode()).isEqualTo(404);
        assertThat(get("/public/feeds/conseiller/court.ics").statusCode()).isEqualTo(404);
    }

    @Test
    void a_structure_programme_is_served_as_icalendar_and_json_without_personal_data() throws Exception {
        var atelier = ateliers.create("Programme HTTP", 4, 3);
        TestTerritory territory = atelier.territory();

        var ics = get("/public/feeds/" + territory.slug() + "/ateliers.ics");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElseThrow().toLowerCase()).startsWith("text/calendar");
        assertThat(new CalendarBuilder().build(new StringReader(ics.body())).validate().hasErrors()).isFalse();

        var json = get("/public/feeds/" + territory.slug() + "/ateliers.json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode root = JsonMapper.builder().build().readTree(json.body());
        assertThat(Set.copyOf(root.propertyNames())).isEqualTo(Set.of("structure", "slug", "page", "phone", "sessions"));
        JsonNode session = root.get("sessions").get(0);
        assertThat(Set.copyOf(session.propertyNames()))
                .isEqualTo(Set.of("id", "title", "start", "end", "place", "address", "seatsLeft", "full"));
        assertThat(session.get("title").asString()).startsWith("Découvrir sa tablette Programme HTTP");
        assertThat(session.get("seatsLeft").asInt()).isEqualTo(4);
        assertThat(session.get("start").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0[12]:00");

        assertThat(get("/public/feeds/inconnue-" + System.nanoTime() + "/ateliers.json").statusCode()).isEqualTo(404);
        assertThat(get("/public/feeds/inconnue-" + System.nanoTime() + "/ateliers.ics").statusCode()).isEqualTo(404);
    }
}
