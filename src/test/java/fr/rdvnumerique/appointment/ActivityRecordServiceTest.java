package fr.rdvnumerique.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.retention.PersonalDataHolder;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Activity records: once per appointment however often it is sent, only the structure's places and communes. */
@IntegrationTest
class ActivityRecordServiceTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures fixtures;
    @Autowired BookingService booking;
    @Autowired ActivityRecordService records;
    @Autowired List<PersonalDataHolder> holders;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    TestTerritory territory;
    long appointment;
    String phone;

    @BeforeEach
    void bookedAndHeld() {
        clock.setParis(2026, 11, 30, 9, 0);
        territory = territories.create("Compte rendu");
        long motif = fixtures.motif(territory);
        fixtures.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
        phone = AppointmentFixtures.uniquePhone();
        var booked = (PlaceResult.Confirmed<AppointmentCard, FreeSlot>) booking.book(new BookingRequest(territory.placeId(), motif,
                ZonedDateTime.of(TUESDAY, LocalTime.of(9, 0), ParisTime.ZONE).toInstant(), "Jeanne", "Martin", null, phone,
                true, Set.of(), null, Origin.web("unknown")));
        appointment = booked.id();
        clock.setParis(2026, 12, 1, 10, 0);
        StaffLogin.advisor(territory.structureId(), territory.advisorId());
    }

    @AfterEach
    void reset() {
        clock.reset();
        StaffLogin.signOut();
    }

    private ActivityRecordForm completed(String notes) {
        var f = records.prefill(appointment);
        return new ActivityRecordForm(f.date(), f.durationMinutes(), f.location(), f.placeId(), f.communeId(), f.themes(),
                f.administrativeThemes(), AutonomyLevel.AUTONOME, Set.of(EquipmentUsed.ORDINATEUR), false, null,
                f.ageBand(), f.gender(), f.occupation(), territory.communeId(), notes);
    }

    private int recordsOfAppointment() {
        return jdbc.queryForObject("select count(*) from activity_record where appointment_id = ?", Integer.class, appointment);
    }

    @Test
    void the_form_comes_pre_filled_with_the_appointments_place_and_day() {
        var form = records.prefill(appointment);
        assertThat(form.location()).isEqualTo(ActivityLocation.LIEU_ACTIVITE);
        assertThat(form.placeId()).isEqualTo(territory.placeId());
        assertThat(form.date()).isEqualTo(TUESDAY);
        assertThat(form.durationMinutes()).isEqualTo(45);
    }

    @Test
    void sending_the_record_twice_stores_it_once_and_says_so() {
        records.recordForAppointment(appointment, completed(null));
        // The second submit meets the unique key on the appointment, and is told in words.
        assertThatThrownBy(() -> records.recordForAppointment(appointment, completed(null)))
                .isInstanceOf(BusinessRuleException.class).hasFieldOrPropertyWithValue("messageKey", "appointment.record.exists");
        assertThat(recordsOfAppointment()).isEqualTo(1);
    }

    @Test
    void two_submits_at_the_same_moment_store_one_record_and_tell_the_other() throws Exception {
        int clients = 2;
        var ready = new CountDownLatch(clients);
        var go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var results = new ArrayList<Future<String>>();
        try {
            for (int i = 0; i < clients; i++) {
                results.add(pool.submit(() -> {
                    StaffLogin.advisor(territory.structureId(), territory.advisorId());
                    try {
                        var form = completed(null);
                        ready.countDown();
                        go.await();
                        records.recordForAppointment(appointment, form);
                        return "recorded";
                    } catch (BusinessRuleException e) {
                        return e.messageKey();
                    } finally {
                        StaffLogin.signOut();
                    }
                }));
            }
            ready.await();
            go.countDown();
            var outcomes = new ArrayList<String>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("recorded", "appointment.record.exists");
        } finally {
            pool.shutdown();
        }
        assertThat(recordsOfAppointment()).isEqualTo(1);
    }

    @Test
    void a_commune_of_another_territory_is_refused() {
        TestTerritory other = territories.create("Ailleurs CR");
        var f = completed(null);
        var form = new ActivityRecordForm(f.date(), f.durationMinutes(), f.location(), f.placeId(), null, f.themes(),
                f.administrativeThemes(), f.autonomy(), f.equipment(), false, null, f.ageBand(), f.gender(), f.occupation(),
                other.communeId(), null);
        assertThatThrownBy(() -> records.recordForAppointment(appointment, form)).isInstanceOf(BusinessRuleException.class)
                .hasFieldOrPropertyWithValue("messageKey", "appointment.record.commune.unknown");
        assertThat(recordsOfAppointment()).isZero();
    }

    @Test
    void past_the_retention_period_notes_and_hashed_contacts_go_and_the_codes_stay() {
        long record = records.recordForAppointment(appointment, completed("Mme Martin, voisine de M. Durand"));
        String contactHash = SecretTokens.hash("phone:" + AppointmentFixtures.e164(phone));
        assertThat(jdbc.queryForObject("select count(*) from appointment_contact_lock where contact_hash = ?", Integer.class,
                contactHash)).isEqualTo(1);
        PersonalDataHolder appointments = holders.stream().filter(h -> h.name().equals("rendez-vous")).findFirst().orElseThrow();

        // The retention limit a year later.
        Instant cutoff = ZonedDateTime.of(2027, 12, 2, 0, 0, 0, 0, ParisTime.ZONE).toInstant();
        clock.setParis(2027, 12, 2, 3, 30);
        appointments.anonymiseEndedBefore(cutoff);

        var row = jdbc.queryForMap("select notes, autonomy, residence_commune_id, place_id from activity_record where id = ?", record);
        assertThat(row).containsEntry("notes", null).containsEntry("autonomy", "AUTONOME")
                .containsEntry("residence_commune_id", territory.communeId()).containsEntry("place_id", territory.placeId());
        assertThat(jdbc.queryForObject("select count(*) from appointment_contact_lock where contact_hash = ?", Integer.class,
                contactHash)).as("the hashed phone is gone").isZero();
    }

    @Test
    void within_the_retention_period_notes_and_hashed_contacts_stay() {
        long record = records.recordForAppointment(appointment, completed("À revoir pour la CAF"));
        PersonalDataHolder appointments = holders.stream().filter(h -> h.name().equals("rendez-vous")).findFirst().orElseThrow();
        // A limit before the appointment's day and the contact's use.
        appointments.anonymiseEndedBefore(ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, ParisTime.ZONE).toInstant());
        assertThat(jdbc.queryForObject("select notes from activity_record where id = ?", String.class, record))
                .isEqualTo("À revoir pour la CAF");
        assertThat(jdbc.queryForObject("select count(*) from appointment_contact_lock where contact_hash = ?", Integer.class,
                SecretTokens.hash("phone:" + AppointmentFixtures.e164(phone)))).isEqualTo(1);
    }
}
