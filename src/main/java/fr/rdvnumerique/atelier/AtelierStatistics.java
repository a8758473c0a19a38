package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.db.UtcColumns;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures of the ateliers for the yearly activity report: read-only aggregates over the module's own tables,
 * for the signed-in staff member's structure. They survive anonymisation: only names and contacts are erased,
 * distinct people are counted by their pseudonymous key (kept when the contact goes), and a registration anonymised
 * before keys existed counts as one person.
 */
@Service
@PreAuthorize("hasRole('ADVISOR')")
@Transactional(readOnly = true)
public class AtelierStatistics {

    private static final String HELD = """
            s.structure_id = :structure and s.status = 'SCHEDULED' and s.starts_at >= :from and s.starts_at < :until
            and s.place_id in (:places)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentStaff staff;
    private final TerritoryDirectory directory;
    private final Clock clock;

    AtelierStatistics(NamedParameterJdbcTemplate jdbc, CurrentStaff staff, TerritoryDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The ateliers from {@code from} to {@code to} (both included, Paris days), at the places of one commune or
     * everywhere when {@code communeId} is null.
     */
    public AtelierFigures figures(LocalDate from, LocalDate to, Long communeId) {
        long structureId = staff.structureId();
        Instant start = from.atStartOfDay(ParisTime.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ParisTime.ZONE).toInstant();
        Instant heldUntil = end.isBefore(clock.instant()) ? end : clock.instant();
        List<Long> places = directory.allPlaces(structureId).stream()
                .filter(p -> communeId == null || p.communeId() == communeId).map(PlaceSummary::id).toList();
        var params = new MapSqlParameterSource()
                .addValue("structure", structureId)
                .addValue("from", UtcColumns.toDb(start))
                .addValue("until", UtcColumns.toDb(heldUntil.isAfter(start) ? heldUntil : start))
                .addValue("end", UtcColumns.toDb(end))
                // "in ()" is not SQL: no place at all means no row, and no id is negative.
                .addValue("places", places.isEmpty() ? List.of(-1L) : places);

        long cancelled = jdbc.queryForObject("""
                select count(*) from atelier_session s where s.structure_id = :structure and s.status = 'CANCELLED'
                and s.starts_at >= :from and s.starts_at < :end and s.place_id in (:places)""", params, Long.class);

        var sessions = new Tally();
        Map<Long, AtelierFigures.WorkshopLine> workshops = new LinkedHashMap<>();
        Map<Long, Long> workshopOfSession = new HashMap<>();
        Map<AtelierLevel, Long> byLevel = new EnumMap<>(AtelierLevel.class);
        Map<Long, Long> minutesByPlace = new TreeMap<>();
        Map<Long, YearMonth> monthOfSession = new HashMap<>();
        Map<YearMonth, AtelierFigures.Month> byMonth = new TreeMap<>();
        jdbc.query("select s.id, s.workshop_id, s.place_id, s.capacity, s.confirmed_seats, s.waiting_count, s.starts_at, "
                + "timestampdiff(minute, s.starts_at, s.ends_at) as minutes, w.title, w.level "
                + "from atelier_session s join atelier_workshop w on w.id = s.workshop_id where " + HELD
                + " order by w.title, s.starts_at", params, rs -> {
            long workshopId = rs.getLong("workshop_id");
            AtelierLevel level = AtelierLevel.valueOf(rs.getString("level"));
            sessions.held++;
            sessions.seats += rs.getLong("capacity");
            sessions.participants += rs.getLong("confirmed_seats");
            sessions.waiting += rs.getLong("waiting_count");
            byLevel.merge(level, 1L, Long::sum);
            minutesByPlace.merge(rs.getLong("place_id"), rs.getLong("minutes"), Long::sum);
            workshopOfSession.put(rs.getLong("id"), workshopId);
            YearMonth month = YearMonth.from(UtcColumns.fromDb(rs.getObject("starts_at", java.time.LocalDateTime.class))
                    .atZone(ParisTime.ZONE));
            monthOfSession.put(rs.getLong("id"), month);
            byMonth.merge(month, new AtelierFigures.Month(rs.getLong("capacity"), rs.getLong("confirmed_seats"),
                    rs.getLong("waiting_count"), 0), AtelierFigures.Month::plus);
            var line = workshops.get(workshopId);
            workshops.put(workshopId, new AtelierFigures.WorkshopLine(workshopId, rs.getString("title"), level,
                    (line == null ? 0 : line.sessions()) + 1,
                    (line == null ? 0 : line.participants()) + rs.getLong("confirmed_seats"),
                    line == null ? 0 : line.present()));
        });

        var people = new People();
        Map<Long, Long> presentByWorkshop = new HashMap<>();
        jdbc.query("select r.id, r.session_id, r.seats, r.attendance, r.channel, r.age_band, r.residence_commune_id, "
                + "r.resides_elsewhere, r.person_key as contact from atelier_registration r "
                + "join atelier_session s on s.id = r.session_id where r.status = 'CONFIRMED' and " + HELD, params, rs -> {
            long seats = rs.getLong("seats");
            String attendance = rs.getString("attendance");
            if (attendance == null) {
                people.notMarked += seats;
            } else {
                switch (Attendance.valueOf(attendance)) {
                    case PRESENT -> {
                        people.present += seats;
                        presentByWorkshop.merge(workshopOfSession.get(rs.getLong("session_id")), seats, Long::sum);
                        byMonth.merge(monthOfSession.get(rs.getLong("session_id")), new AtelierFigures.Month(0, 0, 0, seats),
                                AtelierFigures.Month::plus);
                    }
                    case ABSENT -> people.absent += seats;
                    case EXCUSE -> people.excused += seats;
                }
            }
            people.byChannel.merge(Channel.valueOf(rs.getString("channel")), 1L, Long::sum);
            String age = rs.getString("age_band");
            people.byAge.merge(age == null ? AgeBand.NON_COMMUNIQUE : AgeBand.valueOf(age), seats, Long::sum);
            long commune = rs.getLong("residence_commune_id");
            if (!rs.wasNull()) {
                people.byCommune.merge(commune, seats, Long::sum);
            } else if (rs.getBoolean("resides_elsewhere")) {
                people.elsewhere += seats;
            } else {
                people.notGiven += seats;
            }
            String contact = rs.getString("contact");
            people.contacts.add(contact == null ? "#" + rs.getLong("id") : contact);
        });
        workshops.replaceAll((id, line) -> new AtelierFigures.WorkshopLine(id, line.title(), line.level(), line.sessions(),
                line.participants(), presentByWorkshop.getOrDefault(id, 0L)));

        Map<Theme, Long> byTheme = new EnumMap<>(Theme.class);
        jdbc.query("select t.theme, count(*) as sessions from atelier_workshop_theme t "
                + "join atelier_session s on s.workshop_id = t.workshop_id where " + HELD + " group by t.theme",
                params, rs -> {
                    byTheme.put(Theme.valueOf(rs.getString("theme")), rs.getLong("sessions"));
                });

        // The collective records of held sessions: the people who came without registering.
        long[] walkIns = new long[3];
        Map<AgeBand, Long> walkInsByAge = new EnumMap<>(AgeBand.class);
        jdbc.query("select c.* from atelier_collective_record c join atelier_session s on s.id = c.session_id where "
                + HELD, params, rs -> {
            WalkIns w = CollectiveRecordService.walkIns(rs);
            YearMonth month = monthOfSession.get(rs.getLong("session_id"));
            if (month != null) {
                byMonth.merge(month, new AtelierFigures.Month(0, 0, 0, w.total()), AtelierFigures.Month::plus);
            }
            walkIns[0]++;
            walkIns[1] += w.total();
            walkIns[2] += w.alreadyHelped();
            for (AgeBand band : AgeBand.values()) {
                long n = band == AgeBand.NON_COMMUNIQUE ? w.ageNotGiven() : w.count(band);
                if (n > 0) {
                    walkInsByAge.merge(band, n, Long::sum);
                }
            }
        });

        return new AtelierFigures(sessions.held, cancelled, sessions.seats, sessions.participants, people.present,
                people.absent, people.excused, people.notMarked, sessions.waiting, people.contacts.size(),
                people.byChannel, people.byAge, people.byCommune, people.elsewhere, people.notGiven, byTheme, byLevel,
                new ArrayList<>(workshops.values()), minutesByPlace, walkIns[0], walkIns[1], walkIns[2], walkInsByAge,
                byMonth);
    }

    private static final class Tally {
        long held;
        long seats;
        long participants;
        long waiting;
    }

    private static final class People {
        long present;
        long absent;
        long excused;
        long notMarked;
        long elsewhere;
        long notGiven;
        final Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
        final Map<AgeBand, Long> byAge = new EnumMap<>(AgeBand.class);
        final Map<Long, Long> byCommune = new TreeMap<>();
        final Set<String> contacts = new HashSet<>();
    }
}
