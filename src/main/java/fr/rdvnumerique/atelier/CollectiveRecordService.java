package fr.rdvnumerique.atelier;

import fr.rdvnumerique.atelier.domain.AtelierSession;
import fr.rdvnumerique.atelier.domain.CollectiveRecord;
import fr.rdvnumerique.atelier.domain.CollectiveRecordRepository;
import fr.rdvnumerique.atelier.domain.SessionRepository;
import fr.rdvnumerique.atelier.domain.Workshop;
import fr.rdvnumerique.atelier.domain.WorkshopRepository;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collective record of a session (the national tool's « atelier collectif »): written by staff after the
 * session, read back for its form, and read whole for the exports.
 */
@Service
@PreAuthorize("hasRole('ADVISOR')")
public class CollectiveRecordService {

    private static final String FILTER = " from atelier_collective_record c where c.structure_id = :structure"
            + " and c.activity_date between :from and :to and (:everyone or c.advisor_id = :advisor)";

    private final CollectiveRecordRepository records;
    private final SessionRepository sessions;
    private final WorkshopRepository workshops;
    private final NamedParameterJdbcTemplate jdbc;
    private final TerritoryDirectory directory;
    private final CurrentStaff staff;
    private final ConflictRetry retry;
    private final Clock clock;

    CollectiveRecordService(CollectiveRecordRepository records, SessionRepository sessions,
                            WorkshopRepository workshops, NamedParameterJdbcTemplate jdbc, TerritoryDirectory directory,
                            CurrentStaff staff, ConflictRetry retry, Clock clock) {
        this.records = records;
        this.sessions = sessions;
        this.workshops = workshops;
        this.jdbc = jdbc;
        this.directory = directory;
        this.staff = staff;
        this.retry = retry;
        this.clock = clock;
    }

    /** The session's record as saved, or filled in from the session and its workshop when there is none yet. */
    @Transactional(readOnly = true)
    public CollectiveRecordDraft draft(long sessionId) {
        AtelierSession session = sessions.findById(sessionId)
                .orElseThrow(() -> new BusinessRuleException("atelier.session.not-found"));
        staff.checkStructure(session.getStructureId());
        var attendance = jdbc.queryForMap("""
                select coalesce(sum(case when attendance = 'PRESENT' then seats end), 0) as present,
                       coalesce(sum(case when attendance is not null then seats end), 0) as marked,
                       coalesce(sum(seats), 0) as seats
                from atelier_registration where session_id = :session and status = 'CONFIRMED'""",
                new MapSqlParameterSource("session", sessionId));
        long present = ((Number) attendance.get("present")).longValue();
        long marked = ((Number) attendance.get("marked")).longValue();
        long seats = ((Number) attendance.get("seats")).longValue();
        return records.findBySessionId(sessionId)
                .map(r -> new CollectiveRecordDraft(sessionId, true, form(r.content()), present, marked, seats))
                .orElseGet(() -> {
                    Workshop w = workshops.findById(session.getWorkshopId()).orElseThrow();
                    int minutes = (int) java.time.Duration.between(session.getStartsAt(), session.getEndsAt()).toMinutes();
                    var form = new CollectiveRecordForm(w.getTitle(), w.getLevel(), EnumSet.copyOf(w.getThemes().isEmpty()
                            ? EnumSet.noneOf(Theme.class) : w.getThemes()), EnumSet.noneOf(EquipmentUsed.class),
                            Math.min(minutes, CollectiveRecord.MAX_DURATION), session.getPlaceId(), WalkIns.none(), null);
                    return new CollectiveRecordDraft(sessionId, false, form, present, marked, seats);
                });
    }

    /**
     * Saves the session's record (or corrects it). Refused before the session starts, for a cancelled session, and
     * when a count of people who came without registering does not add up ({@code InvalidValueException} naming
     * the field).
     */
    public void save(long sessionId, CollectiveRecordForm form) {
        long structureId = sessions.findById(sessionId).map(AtelierSession::getStructureId)
                .orElseThrow(() -> new BusinessRuleException("atelier.session.not-found"));
        staff.checkStructure(structureId);
        if (form.placeId() != null) {
            PlaceSummary place = directory.place(form.placeId())
                    .orElseThrow(() -> InvalidValueException.forField("record-place", "validation.required"));
            if (place.structureId() != structureId) {
                throw new AccessDeniedException("Another structure's place");
            }
        }
        // Refused before any transaction: the same rule the entity applies, said next to its field.
        CollectiveRecord.checkWalkIns(form.walkIns() == null ? WalkIns.none() : form.walkIns());
        Long account = staff.require().accountId();
        var content = new CollectiveRecord.Content(form.title(), form.level(), form.themes(), form.equipment(),
                form.durationMinutes(), form.placeId(), form.walkIns(), form.notes());
        retry.runInTransaction(() -> {
            // The session row is locked first, so two people saving the first record of a session take turns.
            AtelierSession session = sessions.lockById(sessionId).orElseThrow();
            var existing = records.findBySessionId(sessionId);
            if (existing.isPresent()) {
                existing.get().record(session, content, account, clock.instant());
            } else {
                records.save(new CollectiveRecord(session, content, account, clock.instant()));
            }
        });
    }

    /**
     * The recorded sessions from {@code from} to {@code to} (both included), oldest first; five statements whatever
     * their number.
     *
     * @param advisorId one advisor's sessions, or null for all those the signed-in person may see (a coordinator:
     *                  the structure's; an advisor: their own)
     */
    @Transactional(readOnly = true)
    public List<CollectiveRecordExport> records(LocalDate from, LocalDate to, Long advisorId) {
        long structureId = staff.structureId();
        Long advisor = advisorId;
        if (!staff.require().has(Role.COORDINATOR)) {
            Long own = staff.require().advisorId();
            if (own == null || advisorId != null && !advisorId.equals(own)) {
                throw new AccessDeniedException("Another advisor's records");
            }
            advisor = own;
        }
        var params = new MapSqlParameterSource()
                .addValue("structure", structureId)
                .addValue("from", from)
                .addValue("to", to)
                .addValue("everyone", advisor == null)
                .addValue("advisor", advisor == null ? -1L : advisor);
        Map<Long, String> advisors = directory.advisors(structureId).stream()
                .collect(Collectors.toMap(AdvisorSummary::id, AdvisorSummary::displayName));
        Map<Long, PlaceSummary> places = directory.allPlaces(structureId).stream()
                .collect(Collectors.toMap(PlaceSummary::id, Function.identity()));
        Map<Long, CommuneSummary> communes = directory.allCommunes(structureId).stream()
                .collect(Collectors.toMap(CommuneSummary::id, Function.identity()));
        Map<Long, Set<Theme>> themes = collection("select t.record_id, t.theme from atelier_collective_record_theme t"
                + " where t.record_id in (select c.id" + FILTER + ")", params, Theme.class);
        Map<Long, Set<EquipmentUsed>> equipment = collection("select e.record_id, e.equipment"
                + " from atelier_collective_record_equipment e where e.record_id in (select c.id" + FILTER + ")",
                params, EquipmentUsed.class);
        Map<Long, Long> present = new HashMap<>();
        jdbc.query("select r.session_id, sum(r.seats) from atelier_registration r where r.status = 'CONFIRMED'"
                + " and r.attendance = 'PRESENT' and r.session_id in (select c.session_id" + FILTER + ")"
                + " group by r.session_id", params, rs -> {
            present.put(rs.getLong(1), rs.getLong(2));
        });
        return jdbc.query("select c.*" + FILTER + " order by c.activity_date, c.id", params, (rs, i) -> {
            long id = rs.getLong("id");
            long sessionId = rs.getLong("session_id");
            PlaceSummary place = places.get(rs.getLong("place_id"));
            return new CollectiveRecordExport(id, sessionId, rs.getObject("activity_date", LocalDate.class),
                    rs.getInt("duration_minutes"), rs.getString("title"), AtelierLevel.valueOf(rs.getString("level")),
                    themes.getOrDefault(id, Set.of()), equipment.getOrDefault(id, Set.of()),
                    place == null ? null : place.name(), place == null ? null : communes.get(place.communeId()),
                    advisors.getOrDefault(rs.getLong("advisor_id"), ""), present.getOrDefault(sessionId, 0L),
                    walkIns(rs), rs.getString("notes"), rs.getString("taxonomy_version"));
        });
    }

    /** The counts of a row of atelier_collective_record (columns named after our codes). */
    static WalkIns walkIns(ResultSet rs) throws SQLException {
        var genders = new EnumMap<Gender, Integer>(Gender.class);
        for (Gender g : Gender.values()) {
            genders.put(g, rs.getInt("gender_" + g.name().toLowerCase(java.util.Locale.ROOT)));
        }
        var ages = new EnumMap<AgeBand, Integer>(AgeBand.class);
        for (AgeBand a : AgeBand.values()) {
            ages.put(a, rs.getInt("age_" + a.name().toLowerCase(java.util.Locale.ROOT)));
        }
        var statuses = new EnumMap<OccupationStatus, Integer>(OccupationStatus.class);
        for (OccupationStatus s : OccupationStatus.values()) {
            statuses.put(s, rs.getInt("status_" + s.name().toLowerCase(java.util.Locale.ROOT)));
        }
        return new WalkIns(rs.getInt("walk_ins"), rs.getInt("walk_ins_already_helped"), genders, ages, statuses);
    }

    private <E extends Enum<E>> Map<Long, Set<E>> collection(String sql, MapSqlParameterSource params, Class<E> type) {
        Map<Long, Set<E>> byRecord = new HashMap<>();
        jdbc.query(sql, params, rs -> {
            byRecord.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(type)).add(Enum.valueOf(type, rs.getString(2)));
        });
        return byRecord;
    }

    private static CollectiveRecordForm form(CollectiveRecord.Content c) {
        return new CollectiveRecordForm(c.title(), c.level(), c.themes(), c.equipment(), c.durationMinutes(), c.placeId(),
                c.walkIns(), c.notes());
    }
}
