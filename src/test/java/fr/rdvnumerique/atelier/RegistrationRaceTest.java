package fr.rdvnumerique.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
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

    @AfterEach
    void restoreSnapshotIsolation() {
        SnapshotIsolation.set(dataSource, true);
    }

    @ParameterizedTest(name = "snapshot isolation {0}")
    @ValueSource(booleans = {true, false})
    void two_hundred_people_race_for_twelve_seats(boolean snapshotIsolation) throws Exception {
        SnapshotIsolation.set(dataSource, snapshotIsolation);
        TestAtelier atelier = fixtures.create("Course " + snapshotIsolation, 12);
        List<RegistrationResult> results = race(200, i -> registrations.register(
                AtelierFixtures.request(atelier.sessionId(), "Personne", "Numéro " + letters(i))));

        List<Integer> positions = results.stream().filter(RegistrationResult.Waitlisted.class::isInstance)
                .map(r -> ((RegistrationResult.Waitlisted) r).position()).sorted().toList();
        assertThat(results.stream().filter(RegistrationResult.Confirmed.class::isInstance)).hasSize(12);
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
        SnapshotIsolation.set(dataSource, snapshotIsolation);
        TestAtelier atelier = fixtures.create("Annulations " + snapshotIsolation, 12);
        var tokens = new ArrayList<String>();
        for (int i = 0; i < 30; i++) {
            var result = registrations.register(AtelierFixtures.request(atelier.sessionId(), "Avant", "Course " + letters(i)));
            tokens.add(result instanceof RegistrationResult.Confirmed c ? c.managementToken()
                    : ((RegistrationResult.Waitlisted) result).managementToken());
        }
        // 8 confirmed and 8 waiting people cancel while 40 newcomers register.
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
