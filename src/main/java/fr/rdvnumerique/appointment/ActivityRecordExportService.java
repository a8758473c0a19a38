package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AdministrativeTheme;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.ReferralKind;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.LocalDate;
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
 * Individual activity records of a period, whole, for the exports to the national tool. A coordinator exports the
 * structure's records or one advisor's; an advisor their own. Four statements whatever the number of records (the
 * records, then their themes, administrative themes and equipment), so a year of a département stays one read.
 */
@Service
@PreAuthorize("hasRole('ADVISOR')")
@Transactional(readOnly = true)
public class ActivityRecordExportService {

    /** A year and a day: the longest period one export covers. */
    public static final int MAX_DAYS = 367;

    private static final String FILTER = " from activity_record r where r.structure_id = :structure"
            + " and r.activity_date between :from and :to and (:everyone or r.advisor_id = :advisor)";

    private final NamedParameterJdbcTemplate jdbc;
    private final StaffScope scope;
    private final TerritoryDirectory directory;

    ActivityRecordExportService(NamedParameterJdbcTemplate jdbc, StaffScope scope, TerritoryDirectory directory) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.directory = directory;
    }

    /**
     * The records from {@code from} to {@code to} (both included), oldest first.
     *
     * @param advisorId one advisor's records, or null for all those the signed-in person may see (a coordinator:
     *                  the structure's; an advisor: their own)
     */
    public List<ActivityRecordExport> records(LocalDate from, LocalDate to, Long advisorId) {
        checkPeriod(from, to);
        long structureId = scope.structureId();
        Long advisor = advisorId;
        if (!scope.coordinator()) {
            Long own = scope.ownAdvisorId();
            if (own == null || advisorId != null && !advisorId.equals(own)) {
                throw new AccessDeniedException("Another advisor's records");
            }
            advisor = own;
        } else if (advisorId != null) {
            scope.advisor(advisorId);
        }
        var params = new MapSqlParameterSource()
                .addValue("structure", structureId)
                .addValue("from", from)
                .addValue("to", to)
                .addValue("everyone", advisor == null)
                .addValue("advisor", advisor == null ? -1L : advisor);

        Map<Long, String> advisors = directory.advisors(structureId).stream()
                .collect(Collectors.toMap(AdvisorSummary::id, AdvisorSummary::displayName));
        // Switched-off places and communes still name where past help happened.
        Map<Long, PlaceSummary> places = directory.allPlaces(structureId).stream()
                .collect(Collectors.toMap(PlaceSummary::id, Function.identity()));
        Map<Long, CommuneSummary> communes = directory.allCommunes(structureId).stream()
                .collect(Collectors.toMap(CommuneSummary::id, Function.identity()));
        Map<Long, Set<Theme>> themes = collection("select t.record_id, t.theme from activity_record_theme t"
                + " where t.record_id in (select r.id" + FILTER + ")", params, Theme.class, Theme::valueOf);
        Map<Long, Set<AdministrativeTheme>> adminThemes = collection("select t.record_id, t.theme"
                + " from activity_record_admin_theme t where t.record_id in (select r.id" + FILTER + ")", params,
                AdministrativeTheme.class, AdministrativeTheme::valueOf);
        Map<Long, Set<EquipmentUsed>> equipment = collection("select e.record_id, e.equipment"
                + " from activity_record_equipment e where e.record_id in (select r.id" + FILTER + ")", params,
                EquipmentUsed.class, EquipmentUsed::valueOf);

        return jdbc.query("select r.id, r.advisor_id, r.activity_date, r.duration_minutes, r.location, r.place_id,"
                + " r.commune_id, r.autonomy, r.referred, r.referral_kind, r.gender, r.age_band, r.occupation,"
                + " r.residence_commune_id, r.notes, r.taxonomy_version, a.given_name, a.family_name, a.person_name,"
                + " a.email, a.phone, a.anonymised_at"
                + FILTER.replace("from activity_record r", "from activity_record r left join appointment a on a.id = r.appointment_id")
                + " order by r.activity_date, r.id", params, (rs, i) -> {
            long id = rs.getLong("id");
            Long placeId = nullableLong(rs.getObject("place_id"));
            PlaceSummary place = placeId == null ? null : places.get(placeId);
            Long communeId = place != null ? Long.valueOf(place.communeId()) : nullableLong(rs.getObject("commune_id"));
            Long residenceId = nullableLong(rs.getObject("residence_commune_id"));
            ActivityRecordExport.Person person = null;
            String personName = rs.getString("person_name");
            if (personName != null && rs.getObject("anonymised_at") == null) {
                String given = rs.getString("given_name");
                String family = rs.getString("family_name");
                // Booked before given and family names were kept apart: the whole name stands as the family name.
                person = new ActivityRecordExport.Person(given == null ? "" : given, family == null ? personName : family,
                        rs.getString("email"), rs.getString("phone"));
            }
            return new ActivityRecordExport(id, advisors.getOrDefault(rs.getLong("advisor_id"), ""),
                    rs.getObject("activity_date", LocalDate.class), rs.getInt("duration_minutes"),
                    ActivityLocation.valueOf(rs.getString("location")), place == null ? null : place.name(),
                    communeId == null ? null : communes.get(communeId),
                    themes.getOrDefault(id, Set.of()), adminThemes.getOrDefault(id, Set.of()),
                    equipment.getOrDefault(id, Set.of()), enumOrNull(AutonomyLevel.class, rs.getString("autonomy")),
                    rs.getBoolean("referred"), enumOrNull(ReferralKind.class, rs.getString("referral_kind")),
                    Gender.valueOf(rs.getString("gender")), AgeBand.valueOf(rs.getString("age_band")),
                    OccupationStatus.valueOf(rs.getString("occupation")),
                    residenceId == null ? null : communes.get(residenceId), rs.getString("notes"),
                    rs.getString("taxonomy_version"), person);
        });
    }

    /** Refuses a period an export cannot cover: missing or reversed dates, more than a year. */
    public static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new BusinessRuleException("appointment.export.period.invalid");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new BusinessRuleException("appointment.export.period.too-long");
        }
    }

    private <E extends Enum<E>> Map<Long, Set<E>> collection(String sql, MapSqlParameterSource params, Class<E> type,
                                                              Function<String, E> parse) {
        Map<Long, Set<E>> byRecord = new HashMap<>();
        jdbc.query(sql, params, rs -> {
            byRecord.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(type)).add(parse.apply(rs.getString(2)));
        });
        return byRecord;
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
