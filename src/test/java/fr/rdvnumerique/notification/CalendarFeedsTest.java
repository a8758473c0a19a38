package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.SessionService;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.notification.internal.CalendarFeeds;
import fr.rdvnumerique.notification.internal.ProgrammeItem;
import fr.rdvnumerique.territory.AdvisorSchedule;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An advisor's private feed and a structure's public programme, as calendar clients read them. */
@IntegrationTest
class CalendarFeedsTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired CalendarFeeds feeds;
    @Autowired AdvisorSchedule schedule;
    @Autowired ConflictRetry retry;
    @Autowired AtelierFixtures ateliers;
    @Autowired RegistrationService registrations;
    @Autowired SessionService sessions;
    @Autowired fr.rdvnumerique.base.security.StaffDirectory staffDirectory;
    @Autowired NotificationTestKit kit;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired TestClock clock;

    TestTerritory territory;

    @BeforeEach
    void setUp() {
        territory = fixtures.create("Flux");
        clock.setParis(2026, 11, 23, 10, 0);
    }

    @AfterEach
    void tearDown() {
        StaffLogin.signOut();
        clock.reset();
    }

    static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
    }

    static Calendar parse(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().hasErrors()).as(ics).isFalse();
        MailContentTest.assertRfc5545Lines(ics);
        return calendar;
    }

    @Test
    void an_advisor_subscribes_to_their_agenda_with_labels_only_and_can_revoke_the_address() throws Exception {
        Instant session = clock.instant().plus(Duration.ofDays(2));
        Instant appointment = clock.instant().plus(Duration.ofDays(3));
        Instant farAway = clock.instant().plus(Duration.ofDays(200));
        Instant absent = clock.instant().plus(Duration.ofDays(5));
        retry.runInTransaction(() -> {
            schedule.claim(territory.advisorId(), session, session.plus(Duration.ofHours(2)), "ATELIER_SESSION", 1,
                    "Atelier « Découvrir sa tablette »");
            schedule.claim(territory.advisorId(), appointment, appointment.plus(Duration.ofMinutes(45)), "APPOINTMENT", 2,
                    "Rendez-vous");
            schedule.claim(territory.advisorId(), farAway, farAway.plus(Duration.ofHours(1)), "APPOINTMENT", 3, "Plus tard");
            schedule.claim(territory.advisorId(), absent, absent.plus(Duration.ofHours(8)), "ABSENCE", 4, "Absence – Maladie");
        });
        var principal = StaffLogin.advisor(territory.structureId(), territory.advisorId());
        kit.staffAccount(principal.accountId(), territory.structureId(), territory.advisorId(),
                "conseil@" + territory.slug() + ".example.org", "ADVISOR");
        assertThat(feeds.myFeedSince()).isEmpty();
        String url = feeds.createMyFeed();
        assertThat(url).startsWith("http://localhost:8080/public/feeds/conseiller/").endsWith(".ics");
        assertThat(feeds.myFeedSince()).contains(clock.instant());
        StaffLogin.signOut();

        Calendar calendar = parse(feeds.advisorCalendar(token(url)).orElseThrow());
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("PUBLISH");
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Agenda de Conseiller Flux (RDV Numérique)");
        assertThat(calendar.<VEvent>getComponents("VEVENT")).extracting(e -> e.getSummary().getValue())
                .containsExactly("Atelier « Découvrir sa tablette »", "Rendez-vous", "Absent");
        assertThat(calendar.<VEvent>getComponents("VEVENT")).extracting(e -> e.getUid().orElseThrow().getValue())
                .containsExactly("busy-atelier-session-1@localhost", "busy-appointment-2@localhost",
                        "busy-absence-4@localhost");
        assertThat(calendar.<VEvent>getComponents("VEVENT").getFirst().getProperty("ORGANIZER").orElseThrow().getValue())
                .isEqualTo("mailto:contact@" + territory.slug() + ".example.org");

        // The appointment moves: the same event, at its new time (clients update it instead of adding a copy).
        Instant moved = appointment.plus(Duration.ofDays(1));
        retry.runInTransaction(() -> {
            schedule.release("APPOINTMENT", 2);
            schedule.claim(territory.advisorId(), moved, moved.plus(Duration.ofMinutes(45)), "APPOINTMENT", 2, "Rendez-vous");
        });
        var afterMove = parse(feeds.advisorCalendar(token(url)).orElseThrow()).<VEvent>getComponents("VEVENT");
        assertThat(afterMove).filteredOn(e -> e.getUid().orElseThrow().getValue().equals("busy-appointment-2@localhost"))
                .singleElement().satisfies(e -> assertThat(e.getStartDate().orElseThrow().getValue())
                        .isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                                .format(moved.atZone(java.time.ZoneOffset.UTC))));

        StaffLogin.advisor(territory.structureId(), territory.advisorId());
        String renewed = feeds.createMyFeed();
        assertThat(feeds.advisorCalendar(token(url))).as("the old address stops working").isEmpty();
        assertThat(feeds.advisorCalendar(token(renewed))).isPresent();
        feeds.revokeMyFeed();
        assertThat(feeds.advisorCalendar(token(renewed))).isEmpty();
        assertThat(feeds.advisorCalendar("pas-un-jeton")).isEmpty();
    }

    @Test
    void a_feed_stops_when_the_advisor_s_staff_account_is_deactivated() {
        var principal = StaffLogin.advisor(territory.structureId(), territory.advisorId());
        long account = kit.staffAccount(principal.accountId(), territory.structureId(), territory.advisorId(),
                "parti@" + territory.slug() + ".example.org", "ADVISOR");
        String url = feeds.createMyFeed();
        StaffLogin.signOut();
        assertThat(feeds.advisorCalendar(token(url))).isPresent();

        jdbc.update("update staff_account set active = false where id = ?", account);
        assertThat(staffDirectory.advisorHasActiveAccount(territory.advisorId())).isFalse();
        assertThat(feeds.advisorCalendar(token(url))).isEmpty();
    }

    @Test
    void staff_who_are_not_advisors_have_no_feed() {
        StaffLogin.coordinator(territory.structureId());
        assertThat(feeds.canHaveFeed()).isFalse();
        assertThatThrownBy(feeds::createMyFeed).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("notification.feed.not-an-advisor");
    }

    @Test
    void the_public_programme_lists_the_atelier_sessions_with_seats_left_and_validates() throws Exception {
        var atelier = ateliers.create("Programme", 3, 5);
        long full = ateliers.session(atelier.territory(), atelier.workshopId(), atelier.start().plus(Duration.ofDays(1)), 1,
                atelier.territory().secondPlaceId());
        registrations.register(AtelierFixtures.request(full, "Anne", "Petit"));
        long cancelled = ateliers.session(atelier.territory(), atelier.workshopId(), atelier.start().plus(Duration.ofDays(2)),
                4);
        StaffLogin.coordinator(atelier.territory().structureId());
        sessions.cancelSession(cancelled);
        StaffLogin.signOut();
        kit.awaitEvents();

        var programme = feeds.programme(atelier.territory().slug()).orElseThrow();
        assertThat(programme.items()).extracting(ProgrammeItem::sessionId).containsExactly(atelier.sessionId(), full);
        Calendar calendar = parse(feeds.programmeCalendar(atelier.territory().slug()).orElseThrow());
        var events = calendar.<VEvent>getComponents("VEVENT");
        assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue())
                .containsExactly("atelier-session-" + atelier.sessionId() + "@localhost", "atelier-session-" + full + "@localhost");
        assertThat(events.getFirst().getSummary().getValue()).startsWith("Découvrir sa tablette Programme");
        assertThat(events.getFirst().getDescription().getValue()).isEqualTo("Places restantes : 3");
        assertThat(events.getFirst().getLocation().getValue()).startsWith("Médiathèque Programme, 1 rue de la Paix");
        assertThat(events.get(1).getDescription().getValue()).startsWith("Complet");
        assertThat(events.getFirst().getUrl().getValue()).isEqualTo("http://localhost:8080/territoire/"
                + atelier.territory().slug() + "/ateliers");
        assertThat(calendar.toString()).doesNotContain("Petit");
        assertThat(feeds.programmeCalendar("structure-inconnue")).isEmpty();
    }

    @Test
    void a_structure_without_ateliers_publishes_an_empty_but_valid_calendar() throws Exception {
        Calendar calendar = parse(feeds.programmeCalendar(territory.slug()).orElseThrow());
        assertThat(calendar.<VEvent>getComponents("VEVENT")).isEmpty();
    }
}
