package fr.rdvnumerique.atelier;

import fr.rdvnumerique.atelier.domain.AtelierSession;
import fr.rdvnumerique.atelier.domain.Workshop;
import fr.rdvnumerique.atelier.domain.WorkshopRepository;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ateliers for one test: a territory of its own, a workshop and sessions, created without signing in (straight
 * through the domain, as the demo data does).
 */
@Component
public class AtelierFixtures {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final TerritoryFixtures territories;
    private final WorkshopRepository workshops;
    private final AtelierWrites writes;
    private final ConflictRetry retry;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AtelierFixtures(TerritoryFixtures territories, WorkshopRepository workshops, AtelierWrites writes,
                    ConflictRetry retry, JdbcTemplate jdbc, Clock clock) {
        this.territories = territories;
        this.workshops = workshops;
        this.writes = writes;
        this.retry = retry;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record TestAtelier(TestTerritory territory, long workshopId, long sessionId, Instant start, Instant end) {
    }

    /** A territory, a workshop « Découvrir sa tablette » and one session in {@code daysAhead} days at 14:00. */
    public TestAtelier create(String label, int capacity, int daysAhead) {
        TestTerritory territory = territories.create(label);
        long workshopId = workshop(territory, "Découvrir sa tablette " + label);
        Instant start = at(daysAhead, 14, 0);
        long sessionId = session(territory, workshopId, start, capacity);
        return new TestAtelier(territory, workshopId, sessionId, start, start.plus(Duration.ofHours(2)));
    }

    public TestAtelier create(String label, int capacity) {
        return create(label, capacity, 7);
    }

    public long workshop(TestTerritory territory, String title) {
        return workshop(territory, title, EnumSet.of(Theme.PRENDRE_EN_MAIN_DU_MATERIEL, Theme.NAVIGATION_SUR_INTERNET),
                AtelierLevel.DEBUTANT, "Votre tablette chargée");
    }

    public long workshop(TestTerritory territory, String title, Set<Theme> themes, AtelierLevel level, String whatToBring) {
        return retry.inTransaction(() -> workshops.save(new Workshop(territory.structureId(), new Workshop.Details(title,
                "Allumer la tablette, se connecter au wifi, installer une application. Sans jargon.", themes, level,
                120, 8, whatToBring, "Tablettes prêtées sur place"))).getId());
    }

    /** Another session of the territory's advisor; registration closes two hours before. */
    public long session(TestTerritory territory, long workshopId, Instant start, int capacity) {
        return session(territory, workshopId, start, capacity, territory.placeId());
    }

    public long session(TestTerritory territory, long workshopId, Instant start, int capacity, long placeId) {
        Workshop workshop = workshops.findById(workshopId).orElseThrow();
        var schedule = new AtelierSession.Schedule(placeId, territory.advisorId(), start, start.plus(Duration.ofHours(2)),
                null, start.minus(Duration.ofHours(2)));
        return retry.inTransaction(() -> writes.createSession(territory.structureId(), workshop, schedule, capacity,
                null).getId());
    }

    /** A Paris time {@code daysAhead} days from the clock's today. */
    public Instant at(int daysAhead, int hour, int minute) {
        LocalDate day = LocalDate.now(clock.withZone(ParisTime.ZONE)).plusDays(daysAhead);
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), ParisTime.ZONE).toInstant();
    }

    /** A unique email for a test person. */
    public static String email(String who) {
        return who + "." + COUNTER.incrementAndGet() + "." + System.nanoTime() % 100000 + "@exemple.fr";
    }

    public static RegistrationRequest request(long sessionId, String first, String last) {
        return RegistrationRequest.simple(sessionId, first, last, email(first.toLowerCase().replaceAll("[^a-z]", "")),
                null, web());
    }

    /**
     * A web request from an address of its own: the per-address limit counts requests across the tests of one
     * JVM, so a test that means to meet it uses an address of its own too.
     */
    public static Origin web() {
        return Origin.web("2001:db8::" + Integer.toHexString(COUNTER.incrementAndGet()));
    }

    /** Seats, counters and rows of a session, straight from the database. */
    public record Counts(int capacity, int confirmedSeats, int waitingCount, int confirmedRows, int confirmedRowSeats,
                         int waitingRows, Set<Integer> waitingPositions) {
    }

    public Counts counts(long sessionId) {
        var session = jdbc.queryForMap("select capacity, confirmed_seats, waiting_count from atelier_session where id = ?",
                sessionId);
        var confirmed = jdbc.queryForMap("select count(*) n, coalesce(sum(seats), 0) s from atelier_registration "
                + "where session_id = ? and status = 'CONFIRMED'", sessionId);
        var positions = new java.util.TreeSet<Integer>(jdbc.queryForList("""
                select row_number() over (order by queue_rank) from atelier_registration
                where session_id = ? and status = 'WAITING'""", Integer.class, sessionId));
        int waitingRows = jdbc.queryForObject("select count(*) from atelier_registration where session_id = ? and status = 'WAITING'",
                Integer.class, sessionId);
        return new Counts(((Number) session.get("capacity")).intValue(), ((Number) session.get("confirmed_seats")).intValue(),
                ((Number) session.get("waiting_count")).intValue(), ((Number) confirmed.get("n")).intValue(),
                ((Number) confirmed.get("s")).intValue(), waitingRows, positions);
    }
}
