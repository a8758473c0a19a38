package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.base.web.ResidentPaths;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.notification.domain.IcsLines;
import fr.rdvnumerique.notification.internal.CalendarFeeds;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.TestConfig;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feeds and the "Ajouter à mon agenda" files over HTTP, as calendar clients, commune websites and residents'
 * browsers fetch them, without signing in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestConfig.class)
class CalendarFeedsIT {

    @LocalServerPort int port;
    @Autowired TerritoryFixtures fixtures;
    @Autowired CalendarFeeds feeds;
    @Autowired AtelierFixtures ateliers;
    @Autowired NotificationTestKit kit;
    @Autowired RegistrationService registrations;
    @Autowired BookingService booking;
    @Autowired AppointmentFixtures appointmentFixtures;
    @Autowired RateLimiter limiter;

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

    @Test
    void an_appointment_s_calendar_file_is_a_publish_copy_of_the_mailed_event_without_attendee() throws Exception {
        TestTerritory territory = fixtures.create("Agenda RDV");
        long motif = appointmentFixtures.motif(territory);
        appointmentFixtures.open(territory, DayOfWeek.THURSDAY, "09:00", "17:00");
        var day = LocalDate.now(ParisTime.ZONE).plusWeeks(2)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
        var slot = booking.freeSlots(territory.placeId(), motif, day, day).getFirst();
        var booked = (PlaceResult.Confirmed<AppointmentCard, FreeSlot>) booking.book(
                new fr.rdvnumerique.appointment.BookingRequest(territory.placeId(), motif, slot.start(), "Jeanne", "Martin",
                        "jeanne@" + territory.slug() + ".example.org", null, true, Set.of(), null,
                        Origin.web("192.0.2.40")));
        kit.awaitEvents();

        var response = get("/" + ResidentPaths.appointmentCalendar(booked.managementToken()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().toLowerCase().replace(" ", ""))
                .isEqualTo("text/calendar;charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                assertThat(d).contains("attachment").contains("rendez-vous.ics"));
        IcsLines.assertRfc5545Lines(response.body());
        var calendar = new CalendarBuilder().build(new StringReader(response.body()));
        assertThat(calendar.validate().hasErrors()).as(response.body()).isFalse();
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
        var event = calendar.<VEvent>getComponents("VEVENT").getFirst();
        assertThat(event.getProperties("ATTENDEE")).isEmpty();
        assertThat(event.getUid().orElseThrow().getValue()).as("the same event as the mails")
                .isEqualTo("appointment-" + booked.id() + "@localhost");
        assertThat(event.getSequence().getSequenceNo()).isZero();
        assertThat(event.getUrl().getValue()).isEqualTo(kit.publicUrl() + "/rendez-vous/" + booked.managementToken());
        assertThat(event.getSummary().getValue()).isEqualTo("Rendez-vous : Prendre en main sa tablette");

        booking.cancelByToken(booked.managementToken());
        assertThat(get("/" + ResidentPaths.appointmentCalendar(booked.managementToken()))
                .statusCode()).as("nothing to add once cancelled").isEqualTo(404);
        assertThat(get("/" + ResidentPaths.appointmentCalendar("A".repeat(43))).statusCode())
                .isEqualTo(404);
    }

    @Test
    void an_atelier_seat_has_its_calendar_file_a_place_in_line_has_none_and_guessing_is_slowed_down() throws Exception {
        limiter.reset();
        var atelier = ateliers.create("Agenda atelier", 1, 10);
        var seat = (PlaceResult.Confirmed<Seats, Void>) registrations.register(
                AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        var waiting = (PlaceResult.Waitlisted<Seats, Void>) registrations.register(
                AtelierFixtures.request(atelier.sessionId(), "Paul", "Durand"));
        kit.awaitEvents();

        var response = get("/" + ResidentPaths.registrationCalendar(seat.managementToken()));
        assertThat(response.statusCode()).isEqualTo(200);
        var calendar = new CalendarBuilder().build(new StringReader(response.body()));
        assertThat(calendar.validate().hasErrors()).isFalse();
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(response.body()).contains("UID:atelier-registration-" + seat.id() + "@localhost")
                .doesNotContain("ATTENDEE");
        assertThat(get("/" + ResidentPaths.registrationCalendar(waiting.managementToken()))
                .statusCode()).isEqualTo(404);

        int refused = 0;
        for (int i = 0; i < 70; i++) {
            if (get("/" + ResidentPaths.registrationCalendar(
                    SecretTokens.generate())).statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused).as("60 an hour per address").isGreaterThanOrEqualTo(67 - 60);
        limiter.reset();
    }
}
