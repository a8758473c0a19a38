package fr.rdvnumerique.base.retention;

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
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Personal data is kept for a limited time, then anonymised; what the report counts survives. */
@IntegrationTest
class PersonalDataRetentionTest {

    @Autowired PersonalDataRetention retention;
    @Autowired TerritoryFixtures territories;
    @Autowired AtelierFixtures ateliers;
    @Autowired AppointmentFixtures appointments;
    @Autowired RegistrationService registrations;
    @Autowired BookingService booking;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void names_contacts_and_private_links_go_while_the_figures_stay() {
        clock.setParis(2026, 11, 30, 9, 0);
        var atelier = ateliers.create("Oubli", 6, 3);
        var registered = (PlaceResult.Confirmed<Seats, Void>) registrations.register(
                AtelierFixtures.request(atelier.sessionId(), "Marie-Hélène", "N'Diaye").withCompanion("Paul", "N'Diaye"));
        long later = ateliers.session(atelier.territory(), atelier.workshopId(), atelier.start().plus(Duration.ofDays(60)), 6);
        var kept = (PlaceResult.Confirmed<Seats, Void>) registrations.register(AtelierFixtures.request(later, "Jean", "Durand"));

        var territory = territories.create("Oubli RDV");
        long motif = appointments.motif(territory);
        appointments.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
        Instant tuesday = ZonedDateTime.of(2026, 12, 1, 10, 0, 0, 0, ParisTime.ZONE).toInstant();
        var booked = (PlaceResult.Confirmed<AppointmentCard, FreeSlot>) booking.book(new BookingRequest(territory.placeId(), motif, tuesday,
                "Jeanne", "Martin", "jeanne@" + territory.slug() + ".example.org", "06 12 34 56 78", true, Set.of(),
                "Envoyer des photos", Origin.web("unknown")));

        String contactHash = SecretTokens.hash("email:" + jdbc.queryForObject(
                "select email_key from atelier_registration where id = ?", String.class, registered.id()));
        String lockedContact = "select count(*) from atelier_contact_lock where contact_hash = ?";
        assertThat(jdbc.queryForObject(lockedContact, Integer.class, contactHash)).isEqualTo(1);
        Instant cutoff = atelier.end().plus(Duration.ofDays(1));
        Map<String, Integer> counts = retention.anonymiseEndedBefore(cutoff);
        assertThat(jdbc.queryForObject(lockedContact, Integer.class, contactHash))
                .as("no hash of a contact unused since the limit is kept").isZero();
        assertThat(counts.get("atelier")).isGreaterThanOrEqualTo(1);
        assertThat(counts.get("rendez-vous")).isGreaterThanOrEqualTo(1);

        var registration = jdbc.queryForMap("select * from atelier_registration where id = ?", registered.id());
        assertThat(registration).containsEntry("first_name", "Anonyme").containsEntry("email", null)
                .containsEntry("phone", null).containsEntry("companion_first_name", "Anonyme")
                .containsEntry("status", "CONFIRMED").containsEntry("seats", 2);
        assertThat(registrations.findByToken(registered.managementToken())).as("the private link is gone").isEmpty();
        assertThat(registrations.findByToken(kept.managementToken())).as("a later session keeps its data").isPresent();

        var appointment = jdbc.queryForMap("select * from appointment where id = ?", booked.id());
        assertThat(appointment).containsEntry("person_name", "Anonyme").containsEntry("email", null)
                .containsEntry("phone", null).containsEntry("needs", null).containsEntry("status", "BOOKED")
                .containsEntry("motif_id", motif);
        assertThat(booking.findByToken(booked.managementToken())).isEmpty();

        assertThat(retention.anonymiseEndedBefore(cutoff)).as("nothing twice").containsEntry("atelier", 0)
                .containsEntry("rendez-vous", 0);
    }

    @Test
    void the_limit_is_the_configured_months_before_today() {
        clock.setParis(2026, 11, 23, 12, 0);
        assertThat(retention.cutoff()).isEqualTo(ZonedDateTime.of(2025, 11, 23, 12, 0, 0, 0, ParisTime.ZONE).toInstant());
    }
}
