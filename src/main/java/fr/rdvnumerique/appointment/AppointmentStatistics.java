package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.db.UtcColumns;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AdministrativeTheme;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.DurationBand;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.ReferralKind;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures of individual help for the yearly activity report: read-only aggregates over the module's own tables,
 * for the signed-in staff member's structure. Anonymisation erases names and contacts only, so the figures stay:
 * distinct people are counted by their pseudonymous key, which stays.
 */
@Service
@PreAuthorize("hasRole('ADVISOR')")
@Transactional(readOnly = true)
public class AppointmentStatistics {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentStaff staff;
    private final TerritoryDirectory directory;

    AppointmentStatistics(NamedParameterJdbcTemplate jdbc, CurrentStaff staff, TerritoryDirectory directory) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.directory = directory;
    }

    /**
     * Individual help from {@code from} to {@code to} (both included, Paris days), at the places of one commune or
     * everywhere when {@code communeId} is null. Help away from a place counts for the commune it was given in.
     */
    public IndividualFigures figures(LocalDate from, LocalDate to, Long communeId) {
        long structureId = staff.structureId();
        List<Long> places = directory.allPlaces(structureId).stream()
                .filter(p -> communeId == null || p.communeId() == communeId).map(PlaceSummary::id).toList();
        var params = new MapSqlParameterSource()
                .addValue("structure", structureId)
                .addValue("from", UtcColumns.toDb(from.atStartOfDay(ParisTime.ZONE).toInstant()))
                .addValue("end", UtcColumns.toDb(to.plusDays(1).atStartOfDay(ParisTime.ZONE).toInstant()))
                .addValue("fromDay", from)
                .addValue("toDay", to)
                .addValue("everywhere", communeId == null)
                .addValue("commune", communeId == null ? -1L : communeId)
                // "in ()" is not SQL: no place at all means no row, and no id is negative.
                .addValue("places", places.isEmpty() ? List.of(-1L) : places);
        String appointments = " from appointment a where a.structure_id = :structure and a.start_at >= :from "
                + "and a.start_at < :end and a.place_id in (:places)";
        String records = " from activity_record r where r.structure_id = :structure and r.activity_date between :fromDay "
                + "and :toDay and (r.place_id in (:places) or (r.place_id is null and (:everywhere or r.commune_id = :commune)))";

        Map<AppointmentStatus, Long> byStatus = count("select a.status as k, count(*) as n" + appointments
                + " group by a.status", params, AppointmentStatus.class, AppointmentStatus::valueOf);
        Map<Channel, Long> byChannel = count("select a.channel as k, count(*) as n" + appointments
                + " and a.status <> 'CANCELLED' group by a.channel", params, Channel.class, Channel::valueOf);
        Map<String, Long> byMotif = new TreeMap<>();
        jdbc.query("select m.label as k, count(*) as n" + appointments.replace("from appointment a",
                        "from appointment a join appointment_motif m on m.id = a.motif_id")
                        + " and a.status <> 'CANCELLED' group by m.label", params,
                rs -> {
                    byMotif.put(rs.getString("k"), rs.getLong("n"));
                });
        // The pseudonymous key survives anonymisation and erasure (PersonKeys); rows anonymised before keys existed
        // had already lost their contact and count once each, as they always did.
        long people = jdbc.queryForObject("select count(distinct coalesce(a.person_key, concat('#', a.id)))"
                + appointments + " and a.status <> 'CANCELLED'", params, Long.class);

        Map<String, Long> kinds = new TreeMap<>();
        jdbc.query("select r.kind as k, count(*) as n" + records + " group by r.kind", params, rs -> {
            kinds.put(rs.getString("k"), rs.getLong("n"));
        });
        var byDuration = new EnumMap<DurationBand, Long>(DurationBand.class);
        jdbc.query("select r.duration_minutes as d, count(*) as n" + records + " group by r.duration_minutes", params, rs -> {
            byDuration.merge(DurationBand.of(rs.getInt("d")), rs.getLong("n"), Long::sum);
        });
        Map<Long, Long> minutesByPlace = new TreeMap<>();
        Map<Long, Long> minutesByCommune = new TreeMap<>();
        long[] elsewhere = {0};
        jdbc.query("select r.place_id as p, r.commune_id as c, sum(r.duration_minutes) as m" + records
                + " group by r.place_id, r.commune_id", params, rs -> {
            long place = rs.getLong("p");
            boolean noPlace = rs.wasNull();
            long commune = rs.getLong("c");
            if (!noPlace) {
                minutesByPlace.merge(place, rs.getLong("m"), Long::sum);
            } else if (!rs.wasNull()) {
                minutesByCommune.merge(commune, rs.getLong("m"), Long::sum);
            } else {
                elsewhere[0] += rs.getLong("m");
            }
        });
        Map<Long, Long> byResidence = new TreeMap<>();
        long[] residenceNotGiven = {0};
        jdbc.query("select r.residence_commune_id as c, count(*) as n" + records + " group by r.residence_commune_id",
                params, rs -> {
                    long commune = rs.getLong("c");
                    if (rs.wasNull()) {
                        residenceNotGiven[0] += rs.getLong("n");
                    } else {
                        byResidence.put(commune, rs.getLong("n"));
                    }
                });
        // A rendez-vous marked done without its record still took the advisor's time.
        jdbc.query("select a.place_id as p, sum(timestampdiff(minute, a.start_at, a.end_at)) as m" + appointments
                + " and a.status = 'DONE' and not exists (select 1 from activity_record x where x.appointment_id = a.id)"
                + " group by a.place_id", params, rs -> {
            minutesByPlace.merge(rs.getLong("p"), rs.getLong("m"), Long::sum);
        });
        long referred = jdbc.queryForObject("select count(*)" + records + " and r.referred", params, Long.class);
        // Per month in Paris time: counted per UTC hour in the database, each hour put in its Paris month here.
        Map<YearMonth, Long> byMonth = new TreeMap<>();
        jdbc.query("select date_format(a.start_at, '%Y-%m-%d %H') as h, count(*) as n" + appointments
                + " and a.status <> 'CANCELLED' group by h", params, rs -> {
            Instant hour = LocalDateTime.parse(rs.getString("h") + ":00", HOUR).toInstant(ZoneOffset.UTC);
            byMonth.merge(YearMonth.from(hour.atZone(ParisTime.ZONE)), rs.getLong("n"), Long::sum);
        });

        // Each person's first and latest record with an autonomy level: the report shows where people started and
        // where they are now. Counted by the pseudonymous key, so erasure and anonymisation change nothing.
        var firstAutonomy = new EnumMap<AutonomyLevel, Long>(AutonomyLevel.class);
        var latestAutonomy = new EnumMap<AutonomyLevel, Long>(AutonomyLevel.class);
        String person = "coalesce(r.person_key, concat('#', r.id))";
        jdbc.query("select t.autonomy as k, sum(t.first_rank = 1) as first_n, sum(t.latest_rank = 1) as latest_n"
                + " from (select r.autonomy, row_number() over (partition by " + person
                + " order by r.activity_date, r.id) as first_rank, row_number() over (partition by " + person
                + " order by r.activity_date desc, r.id desc) as latest_rank" + records
                + " and r.autonomy is not null) t group by t.autonomy", params, rs -> {
            AutonomyLevel level = AutonomyLevel.valueOf(rs.getString("k"));
            firstAutonomy.put(level, rs.getLong("first_n"));
            latestAutonomy.put(level, rs.getLong("latest_n"));
        });

        return new IndividualFigures(byStatus, byChannel, byMotif, people, kinds,
                count("select r.autonomy as k, count(*) as n" + records + " and r.autonomy is not null group by r.autonomy",
                        params, AutonomyLevel.class, AutonomyLevel::valueOf),
                count(collection("activity_record_theme", "theme", records), params, Theme.class, Theme::valueOf),
                count(collection("activity_record_admin_theme", "theme", records), params, AdministrativeTheme.class,
                        AdministrativeTheme::valueOf),
                count("select r.age_band as k, count(*) as n" + records + " group by r.age_band", params, AgeBand.class,
                        AgeBand::valueOf),
                count("select r.gender as k, count(*) as n" + records + " group by r.gender", params, Gender.class,
                        Gender::valueOf),
                count("select r.occupation as k, count(*) as n" + records + " group by r.occupation", params,
                        OccupationStatus.class, OccupationStatus::valueOf),
                byResidence, residenceNotGiven[0],
                count(collection("activity_record_equipment", "equipment", records), params, EquipmentUsed.class,
                        EquipmentUsed::valueOf),
                byDuration,
                count("select r.location as k, count(*) as n" + records + " group by r.location", params,
                        ActivityLocation.class, ActivityLocation::valueOf),
                referred,
                count("select r.referral_kind as k, count(*) as n" + records + " and r.referral_kind is not null "
                        + "group by r.referral_kind", params, ReferralKind.class, ReferralKind::valueOf),
                minutesByPlace, minutesByCommune, elsewhere[0], byMonth, firstAutonomy, latestAutonomy);
    }

    /** Counts of a record's multi-valued field (themes, equipment), over the same records. */
    private static String collection(String table, String column, String records) {
        return "select c." + column + " as k, count(*) as n" + records.replace(" from activity_record r ",
                " from " + table + " c join activity_record r on r.id = c.record_id ") + " group by c." + column;
    }

    private <E extends Enum<E>> Map<E, Long> count(String sql, MapSqlParameterSource params, Class<E> type,
                                                   Function<String, E> parse) {
        var counts = new EnumMap<E, Long>(type);
        jdbc.query(sql, params, rs -> {
            counts.merge(parse.apply(rs.getString("k")), rs.getLong("n"), Long::sum);
        });
        return counts;
    }
}
