package fr.rdvnumerique.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.SnapshotIsolation;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seats freed late, with real threads against MariaDB: however confirmations, offers lapsing, staff promotions and
 * newcomers interleave, confirmed plus offered seats never exceed the capacity and the counters match the rows.
 * With {@code innodb_snapshot_isolation} ON and OFF.
 */
@IntegrationTest
class SeatOfferRaceTest {

    @Autowired AtelierFixtures fixtures;
    @Autowired RegistrationService registrations;
    @Autowired OfferExpiryJob offers;
    @Autowired AtelierWrites writes;
    @Autowired ConflictRetry retry;
    @Autowired TestClock clock;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        SnapshotIsolation.set(dataSource, true);
        clock.reset();
    }

    private void snapshotIsolation(boolean on) {
        SnapshotIsolation.set(dataSource, on);
        assertThat(SnapshotIsolation.current(dataSource)).isEqualTo(on);
    }

    private String token(PlaceResult<Seats, Void> result) {
        return switch (result) {
            case PlaceResult.Confirmed<Seats, Void> c -> c.managementToken();
            case PlaceResult.Waitlisted<Seats, Void> w -> w.managementToken();
            default -> throw new AssertionError(result);
        };
    }

    private long id(PlaceResult<Seats, Void> result) {
        return switch (result) {
            case PlaceResult.Confirmed<Seats, Void> c -> c.id();
            case PlaceResult.Waitlisted<Seats, Void> w -> w.id();
            default -> throw new AssertionError(result);
        };
    }

    private PlaceResult<Seats, Void> register(TestAtelier atelier, String first, String last) {
        return registrations.register(AtelierFixtures.request(atelier.sessionId(), first, last));
    }

    /** Counters against rows: confirmed and offered seats within capacity, each counted once. */
    private void assertConsistent(long sessionId) {
        var row = jdbc.queryForMap("select capacity, confirmed_seats, offered_seats, waiting_count from atelier_session where id = ?",
                sessionId);
        int capacity = ((Number) row.get("capacity")).intValue();
        int confirmed = ((Number) row.get("confirmed_seats")).intValue();
        int offered = ((Number) row.get("offered_seats")).intValue();
        assertThat(confirmed + offered).as("confirmed + offered within capacity").isLessThanOrEqualTo(capacity);
        assertThat(confirmed).isEqualTo(jdbc.queryForObject("select coalesce(sum(seats), 0) from atelier_registration "
                + "where session_id = ? and status = 'CONFIRMED'", Integer.class, sessionId));
        assertThat(offered).isEqualTo(jdbc.queryForObject("select coalesce(sum(seats), 0) from atelier_registration "
                + "where session_id = ? and status = 'WAITING' and offer_expires_at is not null", Integer.class, sessionId));
        assertThat(((Number) row.get("waiting_count")).intValue()).isEqualTo(jdbc.queryForObject(
                "select count(*) from atelier_registration where session_id = ? and status = 'WAITING'", Integer.class, sessionId));
    }

    @ParameterizedTest(name = "snapshot isolation {0}")
    @ValueSource(booleans = {true, false})
    void two_people_confirming_the_last_seat_at_once_never_both_get_it(boolean snapshotIsolation) throws Exception {
        snapshotIsolation(snapshotIsolation);
        for (int round = 0; round < 4; round++) {
            TestAtelier atelier = fixtures.create("Derniere place " + snapshotIsolation + round, 1);
            var holder = register(atelier, "Anne", "Petit");
            var offered = register(atelier, "Jean", "Dupont");
            var other = register(atelier, "Lea", "Martin");
            clock.set(atelier.start().minus(Duration.ofHours(10)));
            registrations.cancelByToken(token(holder));
            assertThat(registrations.findByToken(token(offered)).orElseThrow().hasOffer()).isTrue();

            // The person offered the seat presses « Je viens » while staff give "the free seat" to someone else.
            List<String> outcomes = race(2, i -> {
                try {
                    if (i == 0) {
                        registrations.confirmPresenceByToken(token(offered));
                        return "offer taken";
                    }
                    retry.inTransaction(() -> writes.promoteByHand(atelier.sessionId(), id(other)));
                    return "staff gave it";
                } catch (BusinessRuleException e) {
                    return e.messageKey();
                }
            });

            assertThat(outcomes).containsExactlyInAnyOrder("offer taken", "atelier.promote.no-seat");
            assertThat(registrations.details(id(offered)).status()).isEqualTo(RegistrationStatus.CONFIRMED);
            assertThat(registrations.details(id(other)).status()).isEqualTo(RegistrationStatus.WAITING);
            assertConsistent(atelier.sessionId());
        }
    }

    @ParameterizedTest(name = "snapshot isolation {0}")
    @ValueSource(booleans = {true, false})
    void an_offer_confirmed_as_it_lapses_is_either_taken_or_passed_on_never_both(boolean snapshotIsolation)
            throws Exception {
        snapshotIsolation(snapshotIsolation);
        for (int round = 0; round < 6; round++) {
            TestAtelier atelier = fixtures.create("Expiration " + snapshotIsolation + round, 1);
            var holder = register(atelier, "Anne", "Petit");
            var offered = register(atelier, "Jean", "Dupont");
            var next = register(atelier, "Lea", "Martin");
            clock.set(atelier.start().minus(Duration.ofHours(10)));
            registrations.cancelByToken(token(holder));
            Instant deadline = registrations.findByToken(token(offered)).orElseThrow().offerExpiresAt();
            clock.set(deadline.minusMillis(1));

            // One thread: the person's « Je viens »; the other: time reaches the deadline and the job runs.
            List<String> outcomes = race(2, i -> {
                if (i == 0) {
                    try {
                        registrations.confirmPresenceByToken(token(offered));
                        return "taken";
                    } catch (BusinessRuleException e) {
                        return e.messageKey();
                    }
                }
                clock.set(deadline);
                return "job:" + offers.runOnce();
            });

            var offeredNow = registrations.details(id(offered)).status();
            var nextNow = registrations.findByToken(token(next)).orElseThrow();
            if (offeredNow == RegistrationStatus.CONFIRMED) {
                assertThat(outcomes).contains("taken");
                assertThat(nextNow.hasOffer()).as("the seat was taken: nothing to pass on").isFalse();
            } else {
                assertThat(offeredNow).isEqualTo(RegistrationStatus.CANCELLED);
                assertThat(outcomes).doesNotContain("taken");
                assertThat(nextNow.hasOffer()).as("passed on to the next").isTrue();
            }
            assertConsistent(atelier.sessionId());
            clock.reset();
        }
    }

    @ParameterizedTest(name = "snapshot isolation {0}")
    @ValueSource(booleans = {true, false})
    void cancellations_offers_confirmations_and_newcomers_at_once_never_overbook(boolean snapshotIsolation)
            throws Exception {
        snapshotIsolation(snapshotIsolation);
        TestAtelier atelier = fixtures.create("Melee " + snapshotIsolation, 6);
        var people = new ArrayList<PlaceResult<Seats, Void>>();
        for (int i = 0; i < 18; i++) {
            people.add(register(atelier, "Avant", "Melee " + letters(i)));
        }
        clock.set(atelier.start().minus(Duration.ofHours(8)));

        // 6 people with a seat say they cannot come, the 12 waiting press « Je viens » (only those offered a seat
        // can take one), 6 newcomers register, and the job passes lapsed offers on, all at once.
        List<Object> outcomes = race(26, i -> {
            try {
                if (i < 6) {
                    return registrations.cancelByToken(token(people.get(i)));
                }
                if (i < 18) {
                    return registrations.confirmPresenceByToken(token(people.get(i)));
                }
                if (i < 24) {
                    return registrations.register(AtelierFixtures.request(atelier.sessionId(), "Nouvelle", "Melee " + letters(i)));
                }
                return offers.runOnce();
            } catch (BusinessRuleException e) {
                return e.messageKey();
            }
        });
        assertThat(outcomes).hasSize(26);
        assertConsistent(atelier.sessionId());

        // Whoever did not answer: their offers lapse, and are passed on, still within capacity.
        clock.advance(Duration.ofHours(4));
        offers.runOnce();
        assertConsistent(atelier.sessionId());
        assertThat(jdbc.queryForObject("select confirmed_seats + offered_seats from atelier_session where id = ?",
                Integer.class, atelier.sessionId())).as("every seat is taken or offered: people are still waiting")
                .isEqualTo(6);
    }

    @ParameterizedTest(name = "snapshot isolation {0}")
    @ValueSource(booleans = {true, false})
    void the_database_refuses_more_confirmed_and_offered_seats_than_the_capacity(boolean snapshotIsolation) {
        snapshotIsolation(snapshotIsolation);
        TestAtelier atelier = fixtures.create("Contrainte offre " + snapshotIsolation, 2);
        register(atelier, "Anne", "Petit");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                        "update atelier_session set offered_seats = 2 where id = ?", atelier.sessionId()))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("ck_atelier_session_offers");
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

    static String letters(int n) {
        return RegistrationRaceTest.letters(n);
    }
}
