package fr.rdvnumerique.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.appointment.domain.ActivityRecord;
import fr.rdvnumerique.appointment.domain.ActivityRecordRepository;
import fr.rdvnumerique.appointment.domain.Appointment;
import fr.rdvnumerique.appointment.domain.AppointmentRepository;
import fr.rdvnumerique.appointment.domain.Motif;
import fr.rdvnumerique.appointment.domain.MotifRepository;
import fr.rdvnumerique.base.domain.ContactDetails;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.Resident;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AdministrativeTheme;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.EventListeners;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lists and agendas cost the same number of SQL statements for 3 rows as for 30: no query per row (N+1) for the
 * themes of appointments, the places and themes of motifs, or the collections of activity records. Counted by
 * Hibernate's statistics (JDBC reads of the shared schedule are a fixed one or two queries on top).
 */
@IntegrationTest
class AppointmentQueryCountTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures fixtures;
    @Autowired AppointmentRepository appointments;
    @Autowired ActivityRecordRepository records;
    @Autowired MotifRepository motifs;
    @Autowired AgendaService agenda;
    @Autowired ActivityRecordService recordService;
    @Autowired MotifService motifService;
    @Autowired EntityManagerFactory entityManagerFactory;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired TestClock clock;

    TestTerritory territory;
    Statistics statistics;
    int added;

    @BeforeEach
    void territory() {
        clock.setParis(2026, 12, 1, 9, 0);
        territory = territories.create("Requêtes");
        // Statistics count the whole application's statements: let the listeners of earlier tests finish first.
        EventListeners.awaitIdle(jdbc);
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        assertThat(statistics.isStatisticsEnabled()).isTrue();
        StaffLogin.coordinator(territory.structureId());
    }

    @AfterEach
    void reset() {
        clock.reset();
        StaffLogin.signOut();
    }

    /** Statements of the call once warm: the first call of a session also asks whether the structure is active. */
    private long statements(Supplier<?> work) {
        work.get();
        statistics.clear();
        Object result = work.get();
        assertThat(result).isNotNull();
        return statistics.getPrepareStatementCount();
    }

    /** {@code count} more appointments with themes, each in its own hour of the week, and their records. */
    private void addAppointmentsAndRecords(long motifId, int count) {
        transactions.executeWithoutResult(status -> {
            Motif motif = motifs.findById(motifId).orElseThrow();
            for (int i = 0; i < count; i++, added++) {
                LocalDate day = MONDAY.plusDays(added % 5);
                Instant start = ZonedDateTime.of(day, LocalTime.of(8 + added / 5, 0), ParisTime.ZONE).toInstant();
                var booking = new Appointment.Booking(new Resident(PersonName.of("Personne"), PersonName.of("Requête"),
                        ContactDetails.of("p" + added + "@" + territory.slug() + ".example.org", null)), true,
                        Set.of(Theme.EMAIL, Theme.SANTE), null, Origin.web("192.0.2.1"), null);
                Appointment a = appointments.save(new Appointment(territory.structureId(), territory.placeId(),
                        territory.advisorId(), motif, start, booking, clock.instant()));
                records.save(new ActivityRecord(territory.structureId(), territory.advisorId(), a.getId(),
                        new ActivityRecord.Content(MONDAY.minusDays(7), 30, ActivityLocation.LIEU_ACTIVITE,
                                territory.placeId(), null, Set.of(Theme.AIDE_AUX_DEMARCHES_ADMINISTRATIVES, Theme.EMAIL),
                                Set.of(AdministrativeTheme.ARGENT_IMPOTS), AutonomyLevel.AUTONOME,
                                Set.of(EquipmentUsed.ORDINATEUR, EquipmentUsed.TELEPHONE), false, null, null, null, null,
                                null, null), null, clock.instant()));
            }
        });
    }

    @Test
    void the_agenda_the_records_and_the_motifs_cost_the_same_for_3_rows_as_for_30() {
        long motif = fixtures.motif(territory);
        for (int i = 0; i < 2; i++) {
            fixtures.motif(territory, "Motif " + i, 30, 0, 24, 42, 2, false);
        }
        addAppointmentsAndRecords(motif, 3);
        PageRequest page = PageRequest.of(0, 50);
        long agendaFew = statements(() -> agenda.agenda(territory.advisorId(), MONDAY, MONDAY.plusDays(6)));
        long teamFew = statements(() -> agenda.agendaOfAll(MONDAY, MONDAY.plusDays(6)));
        long recordsFew = statements(() -> recordService.list(page).getContent());
        long motifsFew = statements(() -> motifService.list(page).getContent());

        addAppointmentsAndRecords(motif, 27);
        for (int i = 2; i < 12; i++) {
            fixtures.motif(territory, "Motif " + i, 30, 0, 24, 42, 2, false);
        }
        assertThat(agenda.agenda(territory.advisorId(), MONDAY, MONDAY.plusDays(6))).hasSize(30);
        assertThat(recordService.list(page).getContent()).hasSize(30);

        assertThat(statements(() -> agenda.agenda(territory.advisorId(), MONDAY, MONDAY.plusDays(6)))).isEqualTo(agendaFew);
        assertThat(statements(() -> agenda.agendaOfAll(MONDAY, MONDAY.plusDays(6)))).isEqualTo(teamFew);
        assertThat(statements(() -> recordService.list(page).getContent())).isEqualTo(recordsFew);
        assertThat(statements(() -> motifService.list(page).getContent())).isEqualTo(motifsFew);
        // And few in absolute terms: a handful of queries per screen.
        assertThat(agendaFew).isLessThanOrEqualTo(10);
        assertThat(recordsFew).isLessThanOrEqualTo(10);
    }
}
