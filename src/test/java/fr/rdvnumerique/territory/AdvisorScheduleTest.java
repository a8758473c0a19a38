package fr.rdvnumerique.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.SnapshotIsolation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** An advisor is never in two places at once, whatever claims the time and however requests race. */
@IntegrationTest
class AdvisorScheduleTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired TerritoryFixtures fixtures;
    @Autowired AdvisorSchedule schedule;
    @Autowired ConflictRetry retry;
    @Autowired DataSource dataSource;

    long advisor;

    @BeforeEach
    void advisor() {
        advisor = fixtures.create("Agenda").advisorId();
    }

    private static Instant paris(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, PARIS).toInstant();
    }

    @Test
    void an_overlapping_claim_is_refused_and_names_what_is_there() {
        Instant start = paris(2026, 12, 1, 14, 0);
        retry.runInTransaction(() -> schedule.claim(advisor, start, start.plus(Duration.ofHours(2)), "ATELIER_SESSION", 1,
                "Atelier « Découvrir sa tablette »"));
        assertThatThrownBy(() -> retry.runInTransaction(() -> schedule.claim(advisor, start.plus(Duration.ofMinutes(90)),
                start.plus(Duration.ofMinutes(150)), "APPOINTMENT", 7, "Rendez-vous")))
                .isInstanceOf(ScheduleConflictException.class)
                .hasFieldOrPropertyWithValue("conflictingLabel", "Atelier « Découvrir sa tablette »");
        assertThat(schedule.busy(advisor, start, start.plus(Duration.ofHours(3))))
                .singleElement().satisfies(p -> {
                    assertThat(p.start()).isEqualTo(start);
                    assertThat(p.end()).isEqualTo(start.plus(Duration.ofHours(2)));
                    assertThat(p.ownerKind()).isEqualTo("ATELIER_SESSION");
                });
    }

    /**
     * Our transaction's snapshot predates the conflicting activity: a plain read would not see it and the message
     * would name nothing ("?"). With snapshot isolation OFF the claim meets the duplicate key and the conflicting
     * row is read as committed; with it ON MariaDB refuses with 1020 and the whole transaction runs again.
     */
    @ParameterizedTest(name = "snapshot isolation {0}")
    @ValueSource(booleans = {true, false})
    void a_conflict_committed_after_our_first_read_is_still_named(boolean snapshotIsolation) throws Exception {
        boolean before = SnapshotIsolation.current(dataSource);
        SnapshotIsolation.set(dataSource, snapshotIsolation);
        ExecutorService colleague = Executors.newSingleThreadExecutor();
        try {
            assertThat(SnapshotIsolation.current(dataSource)).isEqualTo(snapshotIsolation);
            Instant start = paris(2026, 12, snapshotIsolation ? 7 : 8, 14, 0);
            var attempts = new AtomicInteger();
            assertThatThrownBy(() -> retry.runInTransaction(() -> {
                // Our transaction reads first: its snapshot predates the colleague's atelier.
                var seen = schedule.busy(advisor, start, start.plus(Duration.ofHours(3)));
                if (attempts.incrementAndGet() == 1) {
                    assertThat(seen).isEmpty();
                    try {
                        colleague.submit(() -> retry.runInTransaction(() -> schedule.claim(advisor, start,
                                start.plus(Duration.ofHours(2)), "ATELIER_SESSION", 5, "Atelier « Écrire son CV »"))).get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                schedule.claim(advisor, start.plus(Duration.ofMinutes(60)), start.plus(Duration.ofMinutes(150)),
                        "APPOINTMENT", 6, "Rendez-vous");
            })).isInstanceOf(ScheduleConflictException.class)
                    .hasFieldOrPropertyWithValue("conflictingLabel", "Atelier « Écrire son CV »");
        } finally {
            colleague.shutdown();
            SnapshotIsolation.set(dataSource, before);
        }
    }

    @Test
    void back_to_back_activities_do_not_conflict_and_released_time_is_free_again() {
        Instant start = paris(2026, 12, 2, 9, 0);
        retry.runInTransaction(() -> schedule.claim(advisor, start, start.plus(Duration.ofMinutes(30)), "APPOINTMENT", 1, "A"));
        retry.runInTransaction(() -> schedule.claim(advisor, start.plus(Duration.ofMinutes(30)), start.plus(Duration.ofMinutes(60)), "APPOINTMENT", 2, "B"));
        assertThat(schedule.busy(advisor, start, start.plus(Duration.ofHours(1)))).hasSize(2);
        retry.runInTransaction(() -> schedule.release("APPOINTMENT", 1));
        retry.runInTransaction(() -> schedule.claim(advisor, start, start.plus(Duration.ofMinutes(30)), "APPOINTMENT", 3, "C"));
        assertThat(schedule.busy(advisor, start, start.plus(Duration.ofHours(1)))).extracting(BusyPeriod::ownerId)
                .containsExactly(3L, 2L);
    }

    @Test
    void a_refused_claim_leaves_nothing_behind() {
        Instant start = paris(2026, 12, 3, 10, 0);
        retry.runInTransaction(() -> schedule.claim(advisor, start.plus(Duration.ofMinutes(55)), start.plus(Duration.ofMinutes(60)), "APPOINTMENT", 1, "A"));
        assertThatThrownBy(() -> retry.runInTransaction(() -> schedule.claim(advisor, start, start.plus(Duration.ofHours(1)),
                "APPOINTMENT", 2, "B"))).isInstanceOf(ScheduleConflictException.class);
        assertThat(schedule.busy(advisor, start, start.plus(Duration.ofHours(1)))).extracting(BusyPeriod::ownerId)
                .containsExactly(1L);
    }

    @Test
    void time_is_stored_unambiguously_across_the_october_clock_change() {
        // 25 October 2026: 02:30 Paris happens twice. Both hours are distinct instants and can both be claimed.
        Instant firstHalf = Instant.parse("2026-10-25T00:30:00Z");
        Instant secondHalf = Instant.parse("2026-10-25T01:30:00Z");
        retry.runInTransaction(() -> schedule.claim(advisor, firstHalf, firstHalf.plus(Duration.ofMinutes(30)), "APPOINTMENT", 1, "A"));
        retry.runInTransaction(() -> schedule.claim(advisor, secondHalf, secondHalf.plus(Duration.ofMinutes(30)), "APPOINTMENT", 2, "B"));
        assertThat(schedule.busy(advisor, firstHalf, secondHalf.plus(Duration.ofHours(1))))
                .extracting(BusyPeriod::start).containsExactly(firstHalf, secondHalf);
    }

    @Test
    void when_twenty_requests_race_for_overlapping_times_exactly_one_wins() throws Exception {
        Instant start = paris(2026, 12, 4, 14, 0);
        int clients = 20;
        var ready = new CountDownLatch(clients);
        var go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(clients);
        var results = new ArrayList<Future<Boolean>>();
        for (int i = 0; i < clients; i++) {
            long owner = i;
            // Different lengths and offsets, all overlapping 14:30–14:45.
            Instant from = start.plus(Duration.ofMinutes(5L * (i % 6)));
            Instant to = start.plus(Duration.ofMinutes(45 + 5L * (i % 4)));
            Callable<Boolean> claim = () -> {
                ready.countDown();
                go.await();
                try {
                    retry.runInTransaction(() -> schedule.claim(advisor, from, to, "APPOINTMENT", owner, "RDV " + owner));
                    return true;
                } catch (ScheduleConflictException e) {
                    return false;
                }
            };
            results.add(pool.submit(claim));
        }
        ready.await();
        go.countDown();
        int winners = 0;
        for (Future<Boolean> result : results) {
            winners += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
        assertThat(schedule.busy(advisor, start, start.plus(Duration.ofHours(2)))).hasSize(1);
    }
}
