package fr.rdvnumerique.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.appointment.ActivityRecordForm;
import fr.rdvnumerique.appointment.ActivityRecordService;
import fr.rdvnumerique.appointment.AgendaService;
import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.Attendance;
import fr.rdvnumerique.atelier.RegistrationRequest;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.RosterService;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.retention.PersonalDataRetention;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same people come before and after the retention cut-off; the real retention job then anonymises the older
 * half. Every figure of every report (the whole span, each side, the year) stays to the unit: a person is counted by
 * a pseudonymous key that outlives their contact.
 */
@IntegrationTest
class ReportSurvivesAnonymisationTest {

    private static final List<LocalDate[]> PERIODS = List.of(
            new LocalDate[] {LocalDate.of(2024, 12, 1), LocalDate.of(2025, 3, 31)},
            new LocalDate[] {LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 31)},
            new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)},
            new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)});

    @Autowired TerritoryFixtures territories;
    @Autowired AtelierFixtures ateliers;
    @Autowired AppointmentFixtures appointmentFixtures;
    @Autowired RegistrationService registrations;
    @Autowired RosterService rosters;
    @Autowired AgendaService agenda;
    @Autowired ActivityRecordService records;
    @Autowired ActivityReportService reports;
    @Autowired PersonalDataRetention retention;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    TestTerritory t;
    long motif;

    @AfterEach
    void reset() {
        StaffLogin.signOut();
        clock.reset();
    }

    @Test
    void every_figure_of_every_past_report_stays_when_the_retention_job_anonymises() {
        clock.setParis(2024, 11, 25, 9, 0);
        t = territories.create("Oubli chiffres");
        StaffLogin.coordinator(t.structureId());
        motif = appointmentFixtures.motif(t);
        appointmentFixtures.open(t, DayOfWeek.TUESDAY, "09:00", "12:00");
        long workshop = ateliers.workshop(t, "Premiers pas (oubli)");
        String jeanne = AtelierFixtures.email("jeanne");
        String marcPhone = AppointmentFixtures.uniquePhone();
        String paulPhone = AppointmentFixtures.uniquePhone();

        // December 2024, before the cut-off: Jeanne (e-mail) at two sessions and a rendez-vous, Marc (phone) at one
        // session, Paul (phone) at a rendez-vous.
        long december1 = ateliers.session(t, workshop, paris(2024, 12, 4, 14), 6);
        long december2 = ateliers.session(t, workshop, paris(2024, 12, 6, 14), 6);
        clock.setParis(2024, 12, 2, 9, 0);
        long j1 = confirmed(register(december1, "Jeanne", jeanne, null));
        long j2 = confirmed(register(december2, "Jeanne", jeanne.toUpperCase(), null));
        long m1 = confirmed(register(december1, "Marc", null, marcPhone));
        long jeanneDecember = book(paris(2024, 12, 10, 9), "Jeanne", jeanne, null);
        long paulDecember = book(paris(2024, 12, 10, 10), "Paul", null, paulPhone);
        clock.setParis(2024, 12, 11, 18, 0);
        rosters.markAttendance(j1, Attendance.PRESENT);
        rosters.markAttendance(j2, Attendance.ABSENT);
        rosters.markAttendance(m1, Attendance.PRESENT);
        agenda.markDone(paulDecember);
        recordFor(jeanneDecember, LocalDate.of(2024, 12, 10));

        // March 2025, after the cut-off: the same three people again.
        long march = ateliers.session(t, workshop, paris(2025, 3, 12, 14), 6);
        clock.setParis(2025, 3, 3, 9, 0);
        long j3 = confirmed(register(march, "Jeanne", jeanne, null));
        long m2 = confirmed(register(march, "Marc", null, marcPhone));
        long jeanneMarch = book(paris(2025, 3, 11, 9), "Jeanne", jeanne, null);
        long paulMarch = book(paris(2025, 3, 11, 10), "Paul", null, paulPhone);
        clock.setParis(2025, 3, 13, 18, 0);
        rosters.markAttendance(j3, Attendance.PRESENT);
        rosters.markAttendance(m2, Attendance.EXCUSE);
        agenda.markDone(paulMarch);
        recordFor(jeanneMarch, LocalDate.of(2025, 3, 11));

        // January 2026: with 12 months of retention, the cut-off falls on 5 January 2025.
        clock.setParis(2026, 1, 5, 9, 0);
        var span = reports.report(LocalDate.of(2024, 12, 1), LocalDate.of(2025, 3, 31), null);
        assertThat(span.individual().distinctPeople()).as("Jeanne and Paul").isEqualTo(2);
        assertThat(span.ateliers().distinctPeople()).as("Jeanne and Marc").isEqualTo(2);
        Map<String, Object> before = everyReport();

        Map<String, Integer> anonymised = retention.anonymiseExpired();

        assertThat(anonymised.get("rendez-vous")).isPositive();
        assertThat(anonymised.get("atelier")).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from appointment where id in (?, ?) and email is null "
                + "and phone is null and anonymised_at is not null", Integer.class, jeanneDecember, paulDecember))
                .as("December's rendez-vous really lost their contacts").isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from atelier_registration where id in (?, ?, ?) "
                + "and email_key is null and phone is null", Integer.class, j1, j2, m1)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from appointment where id = ? and email is not null",
                Integer.class, jeanneMarch)).as("March is within the retention period").isEqualTo(1);
        StaffLogin.coordinator(t.structureId());
        assertThat(everyReport()).isEqualTo(before);
    }

    /** Every period's report, its CSV (every figure, as the council reads them) and the record of figures. */
    private Map<String, Object> everyReport() {
        var all = new LinkedHashMap<String, Object>();
        for (LocalDate[] period : PERIODS) {
            String name = period[0] + ".." + period[1];
            all.put(name, reports.report(period[0], period[1], null));
            all.put(name + ".csv", new String(reports.csv(period[0], period[1], null), StandardCharsets.UTF_8));
            all.put(name + ".commune", reports.report(period[0], period[1], t.communeId()));
        }
        return all;
    }

    private PlaceResult<Seats, Void> register(long session, String firstName, String email, String phone) {
        return registrations.register(new RegistrationRequest(session, firstName, "Oubli", email, phone, null, null,
                t.communeId(), false, AgeBand.PLUS_DE_70, Set.of(), false, AtelierFixtures.web(), true));
    }

    private static long confirmed(PlaceResult<Seats, Void> result) {
        assertThat(result).isInstanceOf(PlaceResult.Confirmed.class);
        return ((PlaceResult.Confirmed<Seats, Void>) result).id();
    }

    private long book(Instant start, String firstName, String email, String phone) {
        var result = agenda.book(new BookingRequest(t.placeId(), motif, start, firstName, "Oubli", email, phone, false,
                Set.of(), null, Origin.staff(), t.advisorId()));
        assertThat(result).isInstanceOf(PlaceResult.Confirmed.class);
        return ((PlaceResult.Confirmed<AppointmentCard, FreeSlot>) result).id();
    }

    private void recordFor(long appointment, LocalDate day) {
        records.recordForAppointment(appointment, new ActivityRecordForm(day, 45, ActivityLocation.LIEU_ACTIVITE,
                t.placeId(), null, Set.of(Theme.EMAIL), Set.of(), AutonomyLevel.PARTIELLEMENT_AUTONOME,
                Set.of(EquipmentUsed.TABLETTE), false, null, AgeBand.PLUS_DE_70, Gender.FEMININ, OccupationStatus.RETRAITE,
                t.communeId(), "A apporté sa tablette"));
    }

    private static Instant paris(int year, int month, int day, int hour) {
        return ZonedDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, 0), ParisTime.ZONE).toInstant();
    }
}
