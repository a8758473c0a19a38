package fr.rdvnumerique.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.Benchmarks;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench/run slot-race}: 200 clients race for the 20 slots of a day (ten per slot), all released at once,
 * through the public booking service. Every slot must be booked exactly once and no two appointments of the
 * advisor may overlap. Settings: {@code -Dbench.clients=200 -Dbench.threads=20}.
 */
@IntegrationTest
@Tag("bench")
class SlotRaceBenchmark {

    private static final LocalDate TUESDAY = LocalDate.of(2027, 2, 2);

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures fixtures;
    @Autowired BookingService booking;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void slot_race() throws Exception {
        int clients = Benchmarks.intSetting("clients", 200);
        int threads = Benchmarks.intSetting("threads", 20);
        clock.setParis(2027, 1, 25, 9, 0);
        TestTerritory territory = territories.create("Course banc");
        // 30-minute appointments from 8:00 to 18:00: twenty slots.
        long motif = fixtures.motif(territory, "Question rapide", 30, 0, 24, 42, 2, false);
        fixtures.open(territory, DayOfWeek.TUESDAY, "08:00", "18:00");
        List<FreeSlot> slots = booking.freeSlots(territory.placeId(), motif, TUESDAY, TUESDAY);
        assertThat(slots).hasSize(20);

        var ready = new CountDownLatch(clients);
        var go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var futures = new ArrayList<Future<long[]>>();
        for (int i = 0; i < clients; i++) {
            var request = new BookingRequest(territory.placeId(), motif, slots.get(i % slots.size()).start(), "Client", "Course",
                    "c" + i + "@" + territory.slug() + ".example.org", null, false, Set.of(), null, Origin.kiosk("banc-" + (i % 4)));
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                long start = System.nanoTime();
                PlaceResult<AppointmentCard, FreeSlot> result = booking.book(request);
                long kind = result instanceof PlaceResult.Confirmed<AppointmentCard, FreeSlot> ? 1 : result instanceof PlaceResult.SlotTaken<AppointmentCard, FreeSlot> ? 2 : 3;
                return new long[] {System.nanoTime() - start, kind};
            }));
        }
        // With fewer threads than clients, the first threads start at once and the others follow.
        while (ready.getCount() > clients - threads) {
            Thread.sleep(1);
        }
        long started = System.nanoTime();
        go.countDown();
        long[] nanos = new long[clients];
        int booked = 0;
        int taken = 0;
        int refused = 0;
        for (int i = 0; i < clients; i++) {
            long[] outcome = futures.get(i).get();
            nanos[i] = outcome[0];
            booked += outcome[1] == 1 ? 1 : 0;
            taken += outcome[1] == 2 ? 1 : 0;
            refused += outcome[1] == 3 ? 1 : 0;
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        pool.shutdown();

        Integer doubleBooked = jdbc.queryForObject("""
                select count(*) from appointment a join appointment b on a.advisor_id = b.advisor_id and a.id < b.id
                where a.advisor_id = ? and a.status <> 'CANCELLED' and b.status <> 'CANCELLED'
                and a.start_at < date_add(b.end_at, interval b.buffer_minutes minute)
                and b.start_at < date_add(a.end_at, interval a.buffer_minutes minute)""", Integer.class, territory.advisorId());
        Integer slotsBooked = jdbc.queryForObject("""
                select count(distinct start_at) from appointment where advisor_id = ? and status <> 'CANCELLED'""",
                Integer.class, territory.advisorId());
        double p50 = Benchmarks.percentileMs(nanos, 50);
        double p95 = Benchmarks.percentileMs(nanos, 95);
        Benchmarks.figure("bench slot-race: " + clients + " clients on " + threads + " threads, " + slots.size()
                + " slots; " + booked + " booked, " + taken + " told the slot was taken, " + refused + " refused; "
                + elapsedMs + " ms in all; p50 " + p50 + " ms, p95 " + p95 + " ms per request");
        var figures = Benchmarks.figures();
        figures.put("attempts", clients);
        figures.put("slots", slots.size());
        figures.put("booked", slotsBooked);
        figures.put("double_booked", doubleBooked);
        figures.put("p95_ms", p95);
        Benchmarks.result("slot-race", figures);
        assertThat(booked).isEqualTo(20);
        assertThat(doubleBooked).isZero();
        assertThat(refused).isZero();
    }
}
