package fr.rdvnumerique.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.appointment.domain.Appointment;
import fr.rdvnumerique.appointment.domain.Motif;
import fr.rdvnumerique.appointment.domain.MotifRepository;
import fr.rdvnumerique.base.domain.ContactDetails;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.domain.Resident;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.AdvisorSchedule;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.SnapshotIsolation;
import fr.rdvnumerique.testing.TestClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real threads against MariaDB, with innodb_snapshot_isolation ON (MariaDB 11.6.2+) and OFF (older servers): one
 * slot is booked at most once, and an advisor's appointments never overlap, whatever the motifs' lengths.
 */
@IntegrationTest
class AppointmentRaceTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures fixtures;
    @Autowired BookingService booking;
    @Autowired AdvisorSchedule schedule;
    @Autowired TestClock clock;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired AgendaService agenda;
    @Autowired AppointmentWrites writes;
    @Autowired MotifRepository motifs;
    @Autowired TerritoryDirectory directory;
    @Autowired TransactionTemplate transactions;

    TestTerritory territory;

    @BeforeEach
    void territory() {
        clock.setParis(2026, 11, 30, 9, 0);
        territory = territories.create("Course");
        fixtures.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
    }

    @AfterEach
    void restore() {
        SnapshotIsolation.set(dataSource, true);
        clock.reset();
    }

    /** Sets the server's snapshot isolation and checks that the connections the services use now have it. */
    private void isolation(boolean on) {
        SnapshotIsolation.set(dataSource, on);
        assertThat(SnapshotIsolation.current(dataSource)).as("innodb_snapshot_isolation of a pooled connection").isEqualTo(on);
    }

    private static Instant paris(int hour, int minute) {
        return ZonedDateTime.of(TUESDAY, LocalTime.of(hour, minute), ParisTime.ZONE).toInstant();
    }

    private BookingRequest request(int person, long motif, Instant start) {
        return new BookingRequest(territory.placeId(), motif, start, "Personne", "Course", "p" + person + "-" + territory.slug()
                + "@exemple.fr", null, false, Set.of(), null, Origin.web("198.51.100." + (person % 250)));
    }

    /** Runs the requests all at once, on real threads, and returns the results in order. */
    private List<PlaceResult<AppointmentCard, FreeSlot>> race(int clients, IntFunction<BookingRequest> requests) throws Exception {
        var ready = new CountDownLatch(clients);
        var go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            var futures = new ArrayList<Future<PlaceResult<AppointmentCard, FreeSlot>>>();
            for (int i = 0; i < clients; i++) {
                BookingRequest request = requests.apply(i);
                Callable<PlaceResult<AppointmentCard, FreeSlot>> call = () -> {
                    ready.countDown();
                    go.await();
                    return booking.book(request);
                };
                futures.add(pool.submit(call));
            }
            ready.await();
            go.countDown();
            var results = new ArrayList<PlaceResult<AppointmentCard, FreeSlot>>();
            for (Future<PlaceResult<AppointmentCard, FreeSlot>> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static long count(List<PlaceResult<AppointmentCard, FreeSlot>> results, Class<?> kind) {
        return results.stream().filter(kind::isInstance).count();
    }

    /** Start and end of the advisor's time each active appointment takes (buffer included), by start. */
    private List<Instant[]> activeClaims(long advisorId) {
        return jdbc.query("""
                select start_at, end_at, buffer_minutes from appointment
                where advisor_id = ? and status <> 'CANCELLED' order by start_at""", (rs, n) -> {
            Instant start = rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC);
            Instant end = rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC).plusSeconds(60L * rs.getInt(3));
            return new Instant[] {start, end};
        }, advisorId);
    }

    @ParameterizedTest(name = "snapshot isolation {0}")
    @ValueSource(booleans = {true, false})
    void fifty_people_taking_the_same_slot_make_exactly_one_booking(boolean snapshotIsolation) throws Exception {
        isolation(snapshotIsolation);
        long motif = fixtures.motif(territory);

        List<PlaceResult<AppointmentCard, FreeSlot>> results = race(50, i -> request(i, motif, paris(10, 0)));

        assertThat(count(results, PlaceResult.Confirmed.class)).isEqualTo(1);
        assertThat(count(results, PlaceResult.SlotTaken.class)).isEqualTo(49);
        results.stream().filter(PlaceResult.SlotTaken.class::isInstance)
                .map(r -> (PlaceResult.SlotTaken<AppointmentCard, FreeSlot>) r)
                .forEach(taken -> assertThat(taken.alternatives()).extracting(FreeSlot::start)
                        .containsExactly(paris(9, 0), paris(11, 0)));
        assertThat(activeClaims(territory.advisorId())).hasSize(1);
        assertThat(schedule.busy(territory.advisorId(), paris(0, 0), paris(23, 0))).hasSize(1);
    }

    @ParameterizedTest(name = "snapshot isolation {0}")
    @ValueSource(booleans = {true, false})
    void overlapping_motifs_of_different_lengths_never_overlap(boolean snapshotIsolation) throws Exception {
        isolation(snapshotIsolation);
        long[] motifs = {
                fixtures.motif(territory, "Question rapide", 30, 0, 24, 42, 2, false),
                fixtures.motif(territory, "Tablette", 45, 15, 24, 42, 2, false),
                fixtures.motif(territory, "Démarche", 60, 10, 24, 42, 2, true),
                fixtures.motif(territory, "Bilan", 90, 5, 24, 42, 2, false)};
        List<List<FreeSlot>> offered = new ArrayList<>();
        for (long motif : motifs) {
            offered.add(booking.freeSlots(territory.placeId(), motif, TUESDAY, TUESDAY));
        }

        List<PlaceResult<AppointmentCard, FreeSlot>> results = race(40, i -> {
            List<FreeSlot> slots = offered.get(i % motifs.length);
            return request(i, motifs[i % motifs.length], slots.get((i / motifs.length) % slots.size()).start());
        });

        assertThat(count(results, PlaceResult.Refused.class)).isZero();
        long booked = count(results, PlaceResult.Confirmed.class);
        assertThat(booked).isPositive();
        List<Instant[]> claims = activeClaims(territory.advisorId());
        assertThat(claims).hasSize((int) booked);
        for (int i = 1; i < claims.size(); i++) {
            assertThat(claims.get(i)[0]).as("appointment %d starts after the previous one and its buffer", i)
                    .isAfterOrEqualTo(claims.get(i - 1)[1]);
        }
    }

    @ParameterizedTest(name = "snapshot isolation {0}")
    @ValueSource(booleans = {true, false})
    void with_two_advisors_free_a_slot_is_booked_twice_never_three_times(boolean snapshotIsolation) throws Exception {
        isolation(snapshotIsolation);
        long second = territories.addAdvisor(territory, "Deuxième conseiller");
        fixtures.open(territory, second, territory.placeId(), DayOfWeek.TUESDAY, "09:00", "12:00");
        long motif = fixtures.motif(territory);

        List<PlaceResult<AppointmentCard, FreeSlot>> results = race(20, i -> request(i, motif, paris(10, 0)));

        assertThat(count(results, PlaceResult.Confirmed.class)).isEqualTo(2);
        assertThat(count(results, PlaceResult.SlotTaken.class)).isEqualTo(18);
        assertThat(activeClaims(territory.advisorId())).hasSize(1);
        assertThat(activeClaims(second)).hasSize(1);
    }

    /**
     * With snapshot isolation OFF the second insert waits for the first booking, then meets the unique slot key
     * (1062): the staff booking must then try the next advisor free. (With it ON, MariaDB answers 1020 at once and
     * {@code ConflictRetry} runs the whole booking again instead, as the races above show.)
     */
    @org.junit.jupiter.api.Test
    void staff_without_a_chosen_advisor_get_the_other_free_advisor_when_the_first_is_taken_meanwhile() throws Exception {
        isolation(false);
        long second = territories.addAdvisor(territory, "Deuxième conseiller");
        fixtures.open(territory, second, territory.placeId(), DayOfWeek.TUESDAY, "09:00", "12:00");
        long motifId = fixtures.motif(territory);
        PlaceSummary place = directory.place(territory.placeId()).orElseThrow();
        ExecutorService staff = Executors.newSingleThreadExecutor();
        try {
            Future<Long> booked = transactions.execute(status -> {
                // Someone books the first advisor at 10:00 and has not committed yet.
                Motif motif = motifs.findById(motifId).orElseThrow();
                writes.book(place, motif, motif.rules(), paris(10, 0), new Appointment.Booking(new Resident(
                        PersonName.of("Plus"), PersonName.of("Rapide"), ContactDetails.of(null, AppointmentFixtures.uniquePhone())),
                        false, Set.of(), null, Origin.web("192.0.2.1"), null), territory.advisorId());
                // Meanwhile staff book 10:00 for whoever is free: the first advisor still looks free to them, and
                // their insert waits for ours.
                Future<Long> staffBooking = staff.submit(() -> {
                    StaffLogin.coordinator(territory.structureId());
                    try {
                        return ((PlaceResult.Confirmed<AppointmentCard, FreeSlot>) agenda.book(new BookingRequest(
                                territory.placeId(), motifId, paris(10, 0), "Personne", "Guichet", null,
                                AppointmentFixtures.uniquePhone(), false, Set.of(), null, Origin.staff()))).id();
                    } finally {
                        StaffLogin.signOut();
                    }
                });
                awaitLockWait();
                return staffBooking;
            });
            long staffAppointment = booked.get();
            assertThat(jdbc.queryForObject("select advisor_id from appointment where id = ?", Long.class, staffAppointment))
                    .as("refused for the first advisor, then booked with the second").isEqualTo(second);
        } finally {
            staff.shutdown();
        }
        assertThat(activeClaims(territory.advisorId())).hasSize(1);
        assertThat(activeClaims(second)).hasSize(1);
    }

    /** Waits until another connection's insert of an appointment is waiting (for ours), at most ten seconds. */
    private void awaitLockWait() {
        var monitor = new JdbcTemplate(dataSource);
        for (int i = 0; i < 1000; i++) {
            Integer waiting = monitor.queryForObject("""
                    select count(*) from information_schema.processlist
                    where id <> connection_id() and info like 'insert into appointment %' and time >= 0""", Integer.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("The staff booking never waited for the first booking");
    }
}
