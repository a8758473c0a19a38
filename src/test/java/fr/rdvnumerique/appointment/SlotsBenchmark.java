package fr.rdvnumerique.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.territory.AdvisorSchedule;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.Benchmarks;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code bench/run slots}: the free slots of a structure of 7 advisors and 4 places over 13 weeks (3 months), with
 * realistic opening hours (each advisor four half-days a week, at different places), about half of the slots
 * booked, one week of leave per advisor, a weekly atelier session each, and public holidays.
 * <p>
 * One measured <b>call</b> is the whole "7 advisors × 4 places × 3 months" of the issue: the free slots of a motif
 * at all 4 places over the 13 weeks, through the public service {@link BookingService#freeSlotsAt} (what the
 * booking wizard asks when a place is full, to offer the others), so every advisor's opening hours, bookings,
 * absences and ateliers are read. The target is p95 ≤ 20 ms per such call; the line before RESULT says whether it
 * is met. Printed too: one place alone ({@link BookingService#freeSlots}, one resident opening a place's
 * calendar), and the four places asked one by one.
 * Settings: {@code -Dbench.iterations=200}.
 */
@IntegrationTest
@Tag("bench")
class SlotsBenchmark {

    private static final int ADVISORS = 7;
    private static final int PLACES = 4;
    private static final int WEEKS = 13;
    private static final double TARGET_P95_MS = 20;

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures fixtures;
    @Autowired BookingService booking;
    @Autowired UnavailabilityService unavailability;
    @Autowired AdvisorSchedule schedule;
    @Autowired ConflictRetry retry;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    @AfterEach
    void reset() {
        clock.reset();
        StaffLogin.signOut();
    }

    @Test
    void slots() {
        int iterations = Benchmarks.intSetting("iterations", 200);
        LocalDate monday = LocalDate.of(2027, 1, 4);
        clock.setParis(2027, 1, 3, 20, 0);
        TestTerritory territory = territories.create("Banc");
        List<Long> places = new ArrayList<>(List.of(territory.placeId(), territory.secondPlaceId()));
        places.add(addPlace(territory, "Mairie annexe"));
        places.add(addPlace(territory, "Tiers-lieu"));
        List<Long> advisors = new ArrayList<>(List.of(territory.advisorId()));
        for (int i = 1; i < ADVISORS; i++) {
            advisors.add(territories.addAdvisor(territory, "Conseiller " + i));
        }
        for (long advisor : advisors) {
            for (long place : places) {
                jdbc.update("insert ignore into advisor_place (advisor_id, place_id, structure_id) values (?, ?, ?)",
                        advisor, place, territory.structureId());
            }
        }
        long motif = fixtures.motif(territory, "Accompagnement", 45, 15, 24, 100, 2, false);
        jdbc.update("delete from appointment_motif_place where motif_id = ?", motif);
        for (long place : places) {
            jdbc.update("insert into appointment_motif_place (motif_id, place_id) values (?, ?)", motif, place);
        }
        // Each advisor receives four half-days a week, at different places: 28 half-days over 4 places.
        DayOfWeek[] days = {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY};
        int halfDay = 0;
        for (int a = 0; a < ADVISORS; a++) {
            for (int k = 0; k < 4; k++, halfDay++) {
                DayOfWeek day = days[(halfDay / 2) % days.length];
                boolean morning = halfDay % 2 == 0;
                long place = places.get((a + k) % PLACES);
                fixtures.open(territory, advisors.get(a), place, day, morning ? "09:00" : "14:00", morning ? "12:00" : "17:00");
            }
        }
        // A week of leave per advisor (as entered: Monday 8:00 to Friday 19:00) and a weekly atelier session.
        StaffLogin.coordinator(territory.structureId());
        for (int a = 0; a < ADVISORS; a++) {
            LocalDate leave = monday.plusWeeks(2 + a % 10);
            unavailability.createAbsence(new AbsenceForm(advisors.get(a), leave.atTime(8, 0), leave.plusDays(4).atTime(19, 0),
                    AbsenceKind.CONGE, null, false));
            for (int w = 0; w < WEEKS; w++) {
                LocalDate day = monday.plusWeeks(w).with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
                var start = ZonedDateTime.of(day, LocalTime.of(10, 0), fr.rdvnumerique.base.time.ParisTime.ZONE).toInstant();
                long owner = 1_000_000L * (a + 1) + w;
                long advisor = advisors.get(a);
                retry.runInTransaction(() -> schedule.claim(advisor, start, start.plusSeconds(7200), "ATELIER_SESSION", owner,
                        "Atelier du samedi"));
            }
        }
        StaffLogin.signOut();
        // About half of the free slots booked, spread over the quarter.
        LocalDate last = monday.plusWeeks(WEEKS).minusDays(1);
        int booked = 0;
        int person = 0;
        for (long place : places) {
            List<FreeSlot> free = booking.freeSlots(place, motif, monday, last);
            for (int i = 0; i < free.size(); i += 2) {
                var result = booking.book(new BookingRequest(place, motif, free.get(i).start(), "Personne", "Banc",
                        "b" + (person++) + "@" + territory.slug() + ".example.org", null, true, Set.of(), null,
                        Origin.kiosk("banc")));
                booked += result instanceof PlaceResult.Confirmed<AppointmentCard, FreeSlot> ? 1 : 0;
            }
        }
        Benchmarks.figure("bench slots: " + ADVISORS + " advisors, " + PLACES + " places, " + WEEKS + " weeks, "
                + booked + " appointments booked, " + ADVISORS + " weeks of leave, " + ADVISORS * WEEKS + " atelier sessions");

        int slots = 0;
        for (long place : places) {
            slots += booking.freeSlots(place, motif, monday, last).size();
        }
        // Warm-up: compiled code and filled caches, as in a running server.
        for (int i = 0; i < 200; i++) {
            booking.freeSlots(places.get(i % PLACES), motif, monday, last);
            booking.freeSlotsAt(places, motif, monday, last);
        }
        long[] nanos = new long[iterations];
        long[] placeNanos = new long[iterations * PLACES];
        long[] oneByOneNanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            var all = booking.freeSlotsAt(places, motif, monday, last);
            nanos[i] = System.nanoTime() - start;
            assertThat(all).hasSize(PLACES);
            long oneByOne = System.nanoTime();
            for (int p = 0; p < PLACES; p++) {
                long placeStart = System.nanoTime();
                booking.freeSlots(places.get(p), motif, monday, last);
                placeNanos[i * PLACES + p] = System.nanoTime() - placeStart;
            }
            oneByOneNanos[i] = System.nanoTime() - oneByOne;
        }
        double p50 = Benchmarks.percentileMs(nanos, 50);
        double p95 = Benchmarks.percentileMs(nanos, 95);
        Benchmarks.figure("free slots of " + ADVISORS + " advisors x " + PLACES + " places x " + WEEKS + " weeks (" + slots
                + " slots): p50 " + p50 + " ms, p95 " + p95 + " ms (" + iterations + " calls)");
        Benchmarks.figure("one place alone over " + WEEKS + " weeks: p50 " + Benchmarks.percentileMs(placeNanos, 50)
                + " ms, p95 " + Benchmarks.percentileMs(placeNanos, 95) + " ms; the " + PLACES + " places one by one: p50 "
                + Benchmarks.percentileMs(oneByOneNanos, 50) + " ms, p95 " + Benchmarks.percentileMs(oneByOneNanos, 95) + " ms");
        boolean met = p95 <= TARGET_P95_MS;
        // Timings on a shared machine depend on what else runs: the load average says how much that was.
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Benchmarks.figure("target p95 <= " + (int) TARGET_P95_MS + " ms: " + (met ? "met" : "MISSED") + " (load average "
                + String.format(java.util.Locale.ROOT, "%.1f", load) + " on " + Runtime.getRuntime().availableProcessors()
                + " cores)");
        var figures = Benchmarks.figures();
        figures.put("advisors", ADVISORS);
        figures.put("weeks", WEEKS);
        figures.put("slots", slots);
        figures.put("p50_ms", p50);
        figures.put("p95_ms", p95);
        figures.put("target", met ? "met" : "MISSED");
        Benchmarks.result("slots", figures);
        assertThat(slots).isPositive();
    }

    private long addPlace(TestTerritory territory, String name) {
        jdbc.update("""
                insert into place (structure_id, commune_id, name, kind, address, step_free_access)
                values (?, ?, ?, 'AUTRE', '3 rue du Banc', 'YES')""", territory.structureId(), territory.communeId(), name);
        return jdbc.queryForObject("select max(id) from place where structure_id = ?", Long.class, territory.structureId());
    }
}
