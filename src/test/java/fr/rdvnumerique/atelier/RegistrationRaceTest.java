package fr.rdvnumerique.atelier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.atelier.domain.Participant;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.ContactDetails;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.domain.Resident;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.SnapshotIsolation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real threads against MariaDB: however many people press "Je m'inscris" at once, confirmed seats never exceed
 * the capacity, the waiting list has no gaps, and the counters match the rows. With
 * {@code innodb_snapshot_isolation} ON (MariaDB 11.6.2+) and OFF (older servers).
 */
@IntegrationTest
class RegistrationRaceTest {

    @Autowired AtelierFixtures fixtures;
    @Autowired RegistrationService registrations;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Autowired AtelierWrites writes;
    @Autowired ConflictRetry retry;

    @AfterEach
    void restoreSnapshotIsolation() {
        SnapshotIsolation.set(dataSource, true);
    }

    /** Sets the server's setting and checks that the pool's connections now run with it. */
    private void snapshotIsolation(boolean on) {
        SnapshotIsolation.set(dataSource, on);
        assertThat(SnapshotIsolation.current(dataSource)).as("innodb_snapshot_isolation in force").isEqualTo(on);
    }

    @ParameterizedTest(name = "snapshot isolation {0}")
    @ValueSource(booleans = {true, false})
    void two_hundred_people_race_for_twelve_seats(boolean snapshotIsolation) throws Exception {
        snapshotIsolation(snapshotIsolation);
        TestAtelier atelier = fixtures.create("Course " + snapshotIsolation, 12);
        List<PlaceResult<Seats, Void>> results = race(200, i -> registrations.register(
                AtelierFixtures.request(atelier.sessionId(), "Personne", "Numéro " + letters(i))));

        List<Integer> positions = results.stream().filter(PlaceResult.Waitlisted.class::isInstance)
                .map(r -> ((PlaceResult.Waitlisted<Seats, Void>) r).position()).sorted().toList();
        assertThat(results.stream().filter(PlaceResult.Confirmed.class::isInstance)).hasSize(12);
        assertThat(positions).as("positions 1…188 without gaps").isEqualTo(IntStream.rangeClosed(1, 188).boxed().toList());
        var counts = fixtures.counts(atelier.sessionId());
        assertThat(counts.confirmedSeats()).isEqualTo(12).isEqualTo(counts.confirmedRows()).isEqualTo(counts.confirmedRowSeats());
        assertThat(counts.waitingCount()).isEqualTo(188).isEqualTo(counts.waitingRows());
        assertThat(jdbc.queryForObject("select count(distinct queue_rank) from atelier_registration where session_id = ? and status = 'WAITING'",
                Integer.class, atelier.sessionId())).isEqualTo(188);
        // First come, first served: whoever got a seat registered before anyone who waits.
        assertThat(jdbc.queryForObject("""
                select count(*) from atelier_registration c, atelier_registration w
                where c.session_id = ? and w.session_id = c.session_id and c.status = 'CONFIRMED' and w.status = 'WAITING'
                  and c.created_at > w.created_at""", Integer.class, atelier.sessionId())).isZero();
    }

    @ParameterizedTest(name = "snapshot isolation {0}")
    @ValueSource(booleans = {true, false})
    void cancellations_racing_with_registrations_keep_the_seats_and_the_waiting_list_right(boolean snapshotIsolation)
            throws Exception {
        snapshotIsolation(snapshotIsolation);
        TestAtelier atelier = fixtures.create("Annulations " + snapshotIsolation, 12);
        var tokens = new ArrayList<String>();
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 30; i++) {
            var result = registrations.register(AtelierFixtures.request(atelier.sessionId(), "Avant", "Course " + letters(i)));
            if (result instanceof PlaceResult.Confirmed<Seats, Void> c) {
                tokens.add(c.managementToken());
                ids.add(c.id());
            } else {
                var w = (PlaceResult.Waitlisted<Seats, Void>) result;
                assertThat(w.position()).isEqualTo(i - 11);
                tokens.add(w.managementToken());
                ids.add(w.id());
            }
        }
        // 8 confirmed people (0–7) and the first 8 waiting (12–19) cancel while 40 newcomers register.
        List<Object> outcomes = race(56, i -> {
            if (i < 16) {
                int index = i < 8 ? i : 12 + i - 8;
                return registrations.cancelByToken(tokens.get(index));
            }
            return registrations.register(AtelierFixtures.request(atelier.sessionId(), "Nouvelle", "Personne " + letters(i)));
        });

        assertThat(outcomes).hasSize(56);
        var counts = fixtures.counts(atelier.sessionId());
        assertThat(counts.confirmedSeats()).as("people are still waiting: every seat is taken")
                .isEqualTo(12).isEqualTo(counts.confirmedRowSeats());
        assertThat(counts.waitingCount()).isEqualTo(counts.waitingRows()).isEqualTo(30 + 40 - 16 - 12);
        assertThat(jdbc.queryForObject("select count(*) from atelier_registration where session_id = ? and status = 'CANCELLED'",
                Integer.class, atelier.sessionId())).isEqualTo(16);

        // Promotions followed the queue: the 8 freed seats went to the first people still waiting (20–27), in
        // whatever order cancellations came; 28 and 29 lead the line, the newcomers follow.
        var expectedConfirmed = new ArrayList<>(ids.subList(8, 12));
        expectedConfirmed.addAll(ids.subList(20, 28));
        assertThat(jdbc.queryForList("select id from atelier_registration where session_id = ? and status = 'CONFIRMED'",
                Long.class, atelier.sessionId())).containsExactlyInAnyOrderElementsOf(expectedConfirmed);
        assertThat(jdbc.queryForList("select id from atelier_registration where session_id = ? and promoted_at is not null "
                + "and status = 'CONFIRMED'", Long.class, atelier.sessionId()))
                .containsExactlyInAnyOrderElementsOf(ids.subList(20, 28));
        assertThat(registrations.details(ids.get(28)).position()).isEqualTo(1);
        assertThat(registrations.details(ids.get(29)).position()).isEqualTo(2);
        List<Long> waiting = jdbc.queryForList("select id from atelier_registration where session_id = ? and status = 'WAITING'",
                Long.class, atelier.sessionId());
        assertThat(waiting.stream().map(id -> registrations.details(id).position()).sorted().toList())
                .as("positions 1…42 without gaps").isEqualTo(IntStream.rangeClosed(1, 42).boxed().toList());
    }

    /**
     * The desk groups one instance's registrations per session; another instance, or a bug in the grouping, would
     * send transactions straight to the database. Here every thread runs its own registrar transaction: only the
     * session row lock and the CHECK keep the seats.
     */
    @ParameterizedTest(name = "snapshot isolation {0}")
    @ValueSource(booleans = {true, false})
    void separate_transactions_without_the_desk_still_never_overbook(boolean snapshotIsolation) throws Exception {
        snapshotIsolation(snapshotIsolation);
        TestAtelier atelier = fixtures.create("Sans guichet " + snapshotIsolation, 5);
        List<PlaceResult<Seats, Void>> results = race(60, i -> retry.inTransaction(() -> writes.register(atelier.sessionId(),
                new AtelierWrites.Candidate(participant("Directe", "Transaction " + letters(i)), Origin.web("192.0.2.1"),
                        SecretTokens.generate(), true), 6)));

        assertThat(results).filteredOn(PlaceResult.Confirmed.class::isInstance).hasSize(5);
        assertThat(results).filteredOn(PlaceResult.Waitlisted.class::isInstance)
                .extracting(r -> ((PlaceResult.Waitlisted<Seats, Void>) r).position()).containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, 55).boxed().toList());
        var counts = fixtures.counts(atelier.sessionId());
        assertThat(counts.confirmedSeats()).isEqualTo(5).isEqualTo(counts.confirmedRowSeats());
        assertThat(counts.waitingCount()).isEqualTo(55).isEqualTo(counts.waitingRows());
    }

    /** Even code that forgets the rules (a bare UPDATE from many threads) cannot push the counter past capacity. */
    @ParameterizedTest(name = "snapshot isolation {0}")
    @ValueSource(booleans = {true, false})
    void the_check_constraint_refuses_an_overbooked_row_on_its_own(boolean snapshotIsolation) throws Exception {
        snapshotIsolation(snapshotIsolation);
        TestAtelier atelier = fixtures.create("Contrainte " + snapshotIsolation, 12);
        long id = atelier.sessionId();
        assertThatThrownBy(() -> jdbc.update("update atelier_session set confirmed_seats = capacity + 1 where id = ?", id))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("ck_atelier_session_seats");

        List<Boolean> taken = race(40, i -> {
            try {
                return jdbc.update("update atelier_session set confirmed_seats = confirmed_seats + 1 where id = ?", id) == 1;
            } catch (DataIntegrityViolationException e) {
                assertThat(e).hasMessageContaining("ck_atelier_session_seats");
                return false;
            }
        });
        assertThat(taken).filteredOn(Boolean::booleanValue).hasSize(12);
        assertThat(fixtures.counts(id).confirmedSeats()).isEqualTo(12);
    }

    /**
     * The cap of upcoming registrations per contact spans sessions, which lock different rows: the contact's own
     * lock row makes ten simultaneous registrations of one person for ten sessions check the cap one by one.
     */
    @ParameterizedTest(name = "snapshot isolation {0}")
    @ValueSource(booleans = {true, false})
    void one_person_racing_for_ten_sessions_gets_no_more_than_the_cap(boolean snapshotIsolation) throws Exception {
        snapshotIsolation(snapshotIsolation);
        TestAtelier atelier = fixtures.create("Plafond course " + snapshotIsolation, 5, 3);
        var sessionIds = new ArrayList<Long>(List.of(atelier.sessionId()));
        for (int day = 1; day < 10; day++) {
            sessionIds.add(fixtures.session(atelier.territory(), atelier.workshopId(), fixtures.at(3 + day, 14, 0), 5));
        }
        String email = AtelierFixtures.email("hoarder");
        List<PlaceResult<Seats, Void>> results = race(10, i -> registrations.register(RegistrationRequest.simple(
                sessionIds.get(i), "Hugo", "Blanc", i % 2 == 0 ? email : email.toUpperCase(), null, AtelierFixtures.web())));

        assertThat(results).filteredOn(PlaceResult.Confirmed.class::isInstance).hasSize(6);
        assertThat(results).filteredOn(PlaceResult.Refused.class::isInstance).hasSize(4)
                .allSatisfy(r -> assertThat(((PlaceResult.Refused<Seats, Void>) r).messageKey())
                        .isEqualTo("atelier.registration.refused.too-many"));
        assertThat(jdbc.queryForObject("select count(*) from atelier_registration where email_key = ? and status <> 'CANCELLED'",
                Integer.class, email.toLowerCase())).isEqualTo(6);
    }

    private static Participant participant(String first, String last) {
        return new Participant(new Resident(PersonName.of(first), PersonName.of(last),
                ContactDetails.of(AtelierFixtures.email(last.toLowerCase().replaceAll("[^a-z]", "")), null)), null, null,
                null, false, null, java.util.Set.of(), true);
    }

    private <T> List<T> race(int clients, Attempt<T> attempt) throws Exception {
        var ready = new CountDownLatch(clients);
        var go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < clients; i++) {
                int n = i;
                Callable<T> task = () -> {
                    ready.countDown();
                    go.await();
                    return attempt.run(n);
                };
                futures.add(pool.submit(task));
            }
            ready.await();
            go.countDown();
            var results = new ArrayList<T>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface Attempt<T> {
        T run(int index) throws Exception;
    }

    /** Names take letters only: 0 → "a", 27 → "bb". */
    static String letters(int n) {
        return "" + (char) ('a' + n % 26) + (char) ('a' + n / 26 % 26) + (char) ('a' + n / 676 % 26);
    }
}
