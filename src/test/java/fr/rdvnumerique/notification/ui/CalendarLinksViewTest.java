package fr.rdvnumerique.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.appointment.ui.ManageAppointmentView;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.atelier.ui.ManageRegistrationView;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.base.web.ResidentPaths;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Ajouter à mon agenda" on the residents' private pages: a download link to the file the notification module
 * serves, while there is a seat or a slot to add.
 */
@IntegrationTest
class CalendarLinksViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures appointmentFixtures;
    @Autowired BookingService booking;
    @Autowired AtelierFixtures ateliers;
    @Autowired RegistrationService registrations;
    @Autowired RateLimiter limiter;

    private Optional<Anchor> calendarLink(String id) {
        return $(Anchor.class).all().stream().filter(a -> id.equals(a.getId().orElse(""))).findFirst();
    }

    @Test
    void the_appointment_page_offers_its_calendar_file_until_it_is_cancelled() {
        limiter.reset();
        var territory = territories.create("Lien agenda");
        long motif = appointmentFixtures.motif(territory);
        appointmentFixtures.open(territory, DayOfWeek.WEDNESDAY, "09:00", "12:00");
        LocalDate day = LocalDate.now(ParisTime.ZONE).plusWeeks(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        var booked = (PlaceResult.Confirmed<AppointmentCard, FreeSlot>) booking.book(new BookingRequest(territory.placeId(), motif,
                booking.freeSlots(territory.placeId(), motif, day, day).getFirst().start(), "Claire", "Dubois",
                "claire@" + territory.slug() + ".example.org", null, true, Set.of(), null, Origin.web("192.0.2.60")));

        navigate("rendez-vous/" + booked.managementToken(), ManageAppointmentView.class);
        Anchor link = calendarLink("add-to-calendar").orElseThrow();
        assertThat(link.getText()).isEqualTo("Ajouter à mon agenda");
        assertThat(link.getHref()).isEqualTo(ResidentPaths.appointmentCalendar(booked.managementToken()));
        assertThat(link.isDownload()).isTrue();
        assertThat(link.isRouterIgnore()).isTrue();

        booking.cancelByToken(booked.managementToken());
        navigate("rendez-vous/" + booked.managementToken(), ManageAppointmentView.class);
        assertThat(calendarLink("add-to-calendar")).isEmpty();
        limiter.reset();
    }

    @Test
    void the_registration_page_offers_its_calendar_file_to_someone_with_a_seat_only() {
        var atelier = ateliers.create("Lien agenda atelier", 1);
        var seat = (PlaceResult.Confirmed<Seats, Void>) registrations.register(
                AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        var waiting = (PlaceResult.Waitlisted<Seats, Void>) registrations.register(
                AtelierFixtures.request(atelier.sessionId(), "Jean", "Dupont"));

        navigate("inscription/" + seat.managementToken(), ManageRegistrationView.class);
        Anchor link = calendarLink("atelier-add-to-calendar").orElseThrow();
        assertThat(link.getHref()).isEqualTo(ResidentPaths.registrationCalendar(seat.managementToken()));
        assertThat(link.isDownload()).isTrue();

        navigate("inscription/" + waiting.managementToken(), ManageRegistrationView.class);
        assertThat(calendarLink("atelier-add-to-calendar")).isEmpty();
    }
}
