package fr.rdvnumerique.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.appointment.AgendaEntry;
import fr.rdvnumerique.appointment.AgendaService;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The advisor is never in two places: an atelier session scheduled through the atelier module removes the
 * advisor's appointment slots at that time, in the public booking (appointment module) and in the agenda, where
 * the session appears at its place. The two modules only share the advisor's schedule (territory).
 */
@IntegrationTest
class AtelierSessionBlocksAppointmentsTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 8);

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures appointments;
    @Autowired SessionService sessions;
    @Autowired AtelierFixtures ateliers;
    @Autowired BookingService booking;
    @Autowired AgendaService agenda;
    @Autowired TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        StaffLogin.signOut();
    }

    private static java.time.Instant paris(int hour) {
        return ZonedDateTime.of(TUESDAY, LocalTime.of(hour, 0), ParisTime.ZONE).toInstant();
    }

    @Test
    void a_scheduled_session_takes_the_advisors_slots_and_shows_in_the_agenda_at_its_place() {
        clock.setParis(2026, 11, 30, 9, 0);
        TestTerritory territory = territories.create("Atelier et rendez-vous");
        long motif = appointments.motif(territory, "Une heure avec le conseiller", 60, 0, 24, 42, 2, false);
        appointments.open(territory, DayOfWeek.TUESDAY, "13:00", "18:00");
        assertThat(booking.freeSlots(territory.placeId(), motif, TUESDAY, TUESDAY)).extracting(FreeSlot::start)
                .containsExactly(paris(13), paris(14), paris(15), paris(16), paris(17));

        // A coordinator schedules « Découvrir sa tablette » from 14:00 to 16:00 at the town hall, with the same advisor.
        long workshop = ateliers.workshop(territory, "Découvrir sa tablette");
        StaffLogin.coordinator(territory.structureId());
        sessions.create(new SessionForm(workshop, territory.secondPlaceId(), territory.advisorId(), TUESDAY,
                LocalTime.of(14, 0), LocalTime.of(16, 0), 8, null, Duration.ofHours(2)));

        assertThat(booking.freeSlots(territory.placeId(), motif, TUESDAY, TUESDAY)).extracting(FreeSlot::start)
                .containsExactly(paris(13), paris(16), paris(17));
        assertThat(agenda.agenda(territory.advisorId(), TUESDAY, TUESDAY)).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(AgendaEntry.Kind.ATELIER);
            assertThat(entry.title()).contains("Découvrir sa tablette");
            assertThat(entry.placeName()).isEqualTo("Mairie Atelier et rendez-vous");
            assertThat(entry.start()).isEqualTo(paris(14));
        });
    }
}
