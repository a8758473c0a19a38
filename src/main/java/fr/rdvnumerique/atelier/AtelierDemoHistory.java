package fr.rdvnumerique.atelier;

import fr.rdvnumerique.atelier.domain.AtelierSession;
import fr.rdvnumerique.atelier.domain.Workshop;
import fr.rdvnumerique.base.db.UtcColumns;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A year of past ateliers for the demo, so that the activity report has something to say: two sessions a week,
 * filled from a pool of fictitious regulars, with attendance marked. Registrations for a past session cannot go
 * through the registration rules (they are closed), so they are written as the rules would have left them; the
 * table's own constraints (seats within capacity, attendance only when confirmed…) still check every row.
 */
@Component
class AtelierDemoHistory {

    /** Fictitious regulars: the same people come back, as they do. */
    private static final int REGULARS = 70;
    private static final AgeBand[] AGES = {AgeBand.PLUS_DE_70, AgeBand.PLUS_DE_70, AgeBand.PLUS_DE_70, AgeBand.DE_60_A_69,
            AgeBand.DE_60_A_69, AgeBand.DE_40_A_59, AgeBand.DE_25_A_39, AgeBand.NON_COMMUNIQUE};

    private final AtelierWrites writes;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AtelierDemoHistory(AtelierWrites writes, JdbcTemplate jdbc, Clock clock) {
        this.writes = writes;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * From a year ago until two weeks ago: on Mondays at 14:00 in the town halls in turn, on Fridays at 10:00 at
     * {@code home} (the médiathèque).
     */
    void pastYear(long structureId, long advisorId, List<Workshop> workshops, PlaceSummary home, List<PlaceSummary> townHalls,
                  List<CommuneSummary> communes) {
        var random = new Random(structureId * 31 + 7);
        LocalDate today = LocalDate.now(clock.withZone(ParisTime.ZONE));
        LocalDate monday = today.minusWeeks(52).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int week = 0; !monday.plusWeeks(week).isAfter(today.minusWeeks(2)); week++) {
            LocalDate day = monday.plusWeeks(week);
            // Summer break in August, as the médiathèque closes.
            if (day.getMonthValue() == 8) {
                continue;
            }
            held(structureId, advisorId, workshops.get(week % workshops.size()), townHalls.get(week % townHalls.size()),
                    at(day, 14), communes, random);
            held(structureId, advisorId, workshops.get((week + 3) % workshops.size()), home,
                    at(day.with(DayOfWeek.FRIDAY), 10), communes, random);
        }
    }

    private void held(long structureId, long advisorId, Workshop workshop, PlaceSummary place, Instant start,
                      List<CommuneSummary> communes, Random random) {
        Instant end = start.plus(Duration.ofMinutes(workshop.getDurationMinutes()));
        var schedule = new AtelierSession.Schedule(place.id(), advisorId, start, end, null, start.minus(Duration.ofHours(2)));
        int capacity = workshop.getDefaultCapacity();
        long session = writes.createSession(structureId, workshop, schedule, capacity, null,
                start.minus(Duration.ofDays(30))).getId();
        if (random.nextInt(25) == 0) {
            jdbc.update("update atelier_session set status = 'CANCELLED', cancelled_at = ? where id = ?",
                    UtcColumns.toDb(start.minus(Duration.ofDays(2))), session);
            return;
        }
        int wanted = capacity / 2 + random.nextInt(capacity / 2 + 3);
        int seats = 0;
        int waiting = 0;
        var people = new java.util.HashSet<Integer>();
        while (people.size() < wanted) {
            people.add(random.nextInt(REGULARS));
        }
        Instant registered = start.minus(Duration.ofDays(3 + random.nextInt(10)));
        for (int person : people) {
            boolean companion = random.nextInt(12) == 0 && seats + 2 <= capacity;
            int taken = companion ? 2 : 1;
            boolean confirmed = seats + taken <= capacity;
            if (confirmed) {
                seats += taken;
            } else {
                waiting++;
                taken = 1;
                companion = false;
            }
            int roll = random.nextInt(20);
            String attendance = !confirmed ? null : roll < 16 ? "PRESENT" : roll < 18 ? "ABSENT" : "EXCUSE";
            String channel = switch (person % 5) {
                case 0 -> "STAFF";
                case 1 -> "KIOSK";
                default -> "WEB";
            };
            CommuneSummary commune = person % 9 == 0 ? null : communes.get(person % communes.size());
            String email = "habitue." + (person + 1) + "@exemple.fr";
            jdbc.update("""
                    insert into atelier_registration (id, session_id, structure_id, first_name, last_name, email, email_key,
                        phone, companion_first_name, companion_last_name, seats, residence_commune_id, resides_elsewhere,
                        age_band, wants_reminders, status, queue_rank, channel, attendance, created_at, confirmed_at,
                        waitlisted_at, attendance_marked_at)
                    values (nextval(atelier_registration_seq), ?, ?, ?, 'Habitué', ?, ?, null, ?, ?, ?, ?, ?, ?, true, ?, ?,
                        ?, ?, ?, ?, ?, ?)""",
                    session, structureId, "Personne " + (person + 1), email, email, companion ? "Accompagnant" : null,
                    companion ? "Habitué" : null, taken, commune == null ? null : commune.id(), commune == null && person % 2 == 0,
                    AGES[person % AGES.length].name(), confirmed ? "CONFIRMED" : "WAITING", confirmed ? null : (long) waiting,
                    channel, attendance, UtcColumns.toDb(registered), confirmed ? UtcColumns.toDb(registered) : null,
                    confirmed ? null : UtcColumns.toDb(registered), attendance == null ? null : UtcColumns.toDb(end));
        }
        jdbc.update("update atelier_session set confirmed_seats = ?, waiting_count = ?, last_queue_rank = ? where id = ?",
                seats, waiting, waiting, session);
    }

    private static Instant at(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), ParisTime.ZONE).toInstant();
    }
}
