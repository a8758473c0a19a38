package fr.rdvnumerique.appointment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import fr.rdvnumerique.appointment.AgendaService;
import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.AppointmentStatus;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * « Je viens / Je ne pourrai pas venir » for an appointment: opening changes nothing, « Je viens » shows in the
 * agenda, « Je ne pourrai pas venir » frees the slot at once, even after the cut-off for cancelling online.
 */
@IntegrationTest
class AppointmentPresenceViewTest extends SpringBrowserlessTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures fixtures;
    @Autowired BookingService booking;
    @Autowired AgendaService agenda;
    @Autowired TestClock clock;
    @Autowired RateLimiter limiter;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    TestTerritory territory;
    long motif;
    PlaceResult.Confirmed<AppointmentCard, FreeSlot> booked;

    @BeforeEach
    void book() {
        limiter.reset();
        clock.setParis(2026, 11, 29, 9, 0);
        territory = territories.create("Presence RDV");
        motif = fixtures.motif(territory);
        fixtures.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
        booked = (PlaceResult.Confirmed<AppointmentCard, FreeSlot>) booking.book(new BookingRequest(territory.placeId(),
                motif, start(), "Claire", "Dubois", "claire@" + territory.slug() + ".example.org", null, true, Set.of(),
                null, Origin.web("192.0.2.77")));
    }

    @AfterEach
    void reset() {
        StaffLogin.signOut();
        clock.reset();
        limiter.reset();
    }

    private static Instant start() {
        return ZonedDateTime.of(TUESDAY, LocalTime.of(9, 0), ParisTime.ZONE).toInstant();
    }

    private void open() {
        navigate("rendez-vous/" + booked.managementToken() + "/presence", AppointmentPresenceView.class);
    }

    @Test
    void i_am_coming_is_noted_and_staff_see_it_in_the_agenda() {
        open();
        assertThat($(H1.class).single().getText()).isEqualTo("Venez-vous à votre rendez-vous ?");
        assertThat(booking.findByToken(booked.managementToken()).orElseThrow().presenceConfirmedAt())
                .as("opening the page decides nothing").isNull();

        test($(Button.class).id("presence-yes")).click();

        assertThat($(Paragraph.class).id("presence-notice").getText()).isEqualTo("Merci ! C’est noté : vous venez.");
        assertThat($(Paragraph.class).id("presence-status").getText())
                .isEqualTo("Votre rendez-vous est confirmé et vous nous avez dit que vous venez.");
        StaffLogin.coordinator(territory.structureId());
        assertThat(agenda.appointment(booked.id()).presenceConfirmedAt()).isNotNull();
    }

    @Test
    void i_cannot_come_frees_the_slot_even_after_the_cut_off_for_cancelling_online() {
        clock.setParis(2026, 12, 1, 8, 0);
        assertThat(booking.findByToken(booked.managementToken()).orElseThrow().canChange())
                .as("past the cut-off: the management page no longer cancels").isFalse();
        open();
        test($(Button.class).id("presence-no")).click();

        assertThat($(Paragraph.class).id("presence-notice").getText())
                .startsWith("C’est noté : votre rendez-vous est annulé et l’horaire libéré");
        assertThat(booking.findByToken(booked.managementToken()).orElseThrow().status())
                .isEqualTo(AppointmentStatus.CANCELLED);
        assertThat($(Button.class).all()).noneMatch(b -> b.getId().orElse("").startsWith("presence-"));
        assertThat(jdbc.queryForObject("select count(*) from advisor_busy_period where owner_kind = 'APPOINTMENT' "
                + "and owner_id = ?", Integer.class, booked.id())).as("the advisor's time is free again").isZero();
    }

    @Test
    void once_it_has_started_there_is_nothing_to_press() {
        clock.setParis(2026, 12, 1, 9, 5);
        open();
        assertThat($(Button.class).all()).noneMatch(b -> b.getId().orElse("").startsWith("presence-"));
    }
}
