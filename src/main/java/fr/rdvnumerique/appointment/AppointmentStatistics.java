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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
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

        // One pass over the period's records instead of a query per figure: the report reads the structure's
        // records once (a dozen short columns each), however many figures and charts it draws from them.
        var tally = new RecordTally();
        jdbc.query("select r.id, r.kind, r.duration_minutes, r.place_id, r.commune_id, r.residence_commune_id,"
                + " r.referred, r.autonomy, r.age_band, r.gender, r.occupation, r.location, r.referral_kind,"
                + " r.person_key, r.activity_date" + records, params, tally::add);
        // A rendez-vous marked done without its record still took the advisor's time.
        jdbc.query("select a.place_id as p, sum(timestampdiff(minute, a.start_at, a.end_at)) as m" + appointments
                + " and a.status = 'DONE' and not exists (select 1 from activity_record x where x.appointment_id = a.id)"
                + " group by a.place_id", params, rs -> {
            tally.minutesByPlace.merge(rs.getLong("p"), rs.getLong("m"), Long::sum);
        });
        // Per month in Paris time: counted per UTC hour in the database, each hour put in its Paris month here.
        Map<YearMonth, Long> byMonth = new TreeMap<>();
        jdbc.query("select date_format(a.start_at, '%Y-%m-%d %H') as h, count(*) as n" + appointments
                + " and a.status <> 'CANCELLED' group by h", params, rs -> {
            Instant hour = LocalDateTime.parse(rs.getString("h") + ":00", HOUR).toInstant(ZoneOffset.UTC);
            byMonth.merge(YearMonth.from(hour.atZone(ParisTime.ZONE)), rs.getLong("n"), Long::sum);
        });

        return new IndividualFigures(byStatus, byChannel, byMotif, people, tally.kinds, tally.autonomy,
                count(collection("activity_record_theme", "theme", records), params, Theme.class, Theme::valueOf),
                count(collection("activity_record_admin_theme", "theme", records), params, AdministrativeTheme.class,
                        AdministrativeTheme::valueOf),
                tally.ages, tally.genders, tally.occupations, tally.byResidence, tally.residenceNotGiven,
                count(collection("activity_record_equipment", "equipment", records), params, EquipmentUsed.class,
                        EquipmentUsed::valueOf),
                tally.byDuration, tally.locations, tally.referred, tally.referrals, tally.minutesByPlace,
                tally.minutesByCommune, tally.minutesElsewhere, byMonth, tally.firstAutonomy(), tally.latestAutonomy());
    }

    /** The figures of the period's activity records, added up row by row. */
    private static final class RecordTally {

        final Map<String, Long> kinds = new TreeMap<>();
        final Map<DurationBand, Long> byDuration = new EnumMap<>(DurationBand.class);
        final Map<Long, Long> minutesByPlace = new TreeMap<>();
        final Map<Long, Long> minutesByCommune = new TreeMap<>();
        long minutesElsewhere;
        final Map<Long, Long> byResidence = new TreeMap<>();
        long residenceNotGiven;
        long referred;
        final Map<AutonomyLevel, Long> autonomy = new EnumMap<>(AutonomyLevel.class);
        final Map<AgeBand, Long> ages = new EnumMap<>(AgeBand.class);
        final Map<Gender, Long> genders = new EnumMap<>(Gender.class);
        final Map<OccupationStatus, Long> occupations = new EnumMap<>(OccupationStatus.class);
        final Map<ActivityLocation, Long> locations = new EnumMap<>(ActivityLocation.class);
        final Map<ReferralKind, Long> referrals = new EnumMap<>(ReferralKind.class);
        /** Person (pseudonymous key, or the record itself) → their first and latest record with a level. */
        private final Map<String, Span> people = new HashMap<>();

        /** A person's first and latest record with an autonomy level, by day then record id. */
        private static final class Span {
            LocalDate firstDay;
            long firstId;
            AutonomyLevel first;
            LocalDate latestDay;
            long latestId;
            AutonomyLevel latest;
        }

        void add(ResultSet rs) throws SQLException {
            long id = rs.getLong("id");
            kinds.merge(rs.getString("kind"), 1L, Long::sum);
            int minutes = rs.getInt("duration_minutes");
            byDuration.merge(DurationBand.of(minutes), 1L, Long::sum);
            Long place = nullable(rs, "place_id");
            Long commune = nullable(rs, "commune_id");
            if (place != null) {
                minutesByPlace.merge(place, (long) minutes, Long::sum);
            } else if (commune != null) {
                minutesByCommune.merge(commune, (long) minutes, Long::sum);
            } else {
                minutesElsewhere += minutes;
            }
            Long residence = nullable(rs, "residence_commune_id");
            if (residence == null) {
                residenceNotGiven++;
            } else {
                byResidence.merge(residence, 1L, Long::sum);
            }
            if (rs.getBoolean("referred")) {
                referred++;
            }
            AutonomyLevel level = tally(autonomy, rs.getString("autonomy"), AutonomyLevel::valueOf);
            tally(ages, rs.getString("age_band"), AgeBand::valueOf);
            tally(genders, rs.getString("gender"), Gender::valueOf);
            tally(occupations, rs.getString("occupation"), OccupationStatus::valueOf);
            tally(locations, rs.getString("location"), ActivityLocation::valueOf);
            tally(referrals, rs.getString("referral_kind"), ReferralKind::valueOf);
            if (level != null) {
                String key = rs.getString("person_key");
                LocalDate day = rs.getObject("activity_date", LocalDate.class);
                Span span = people.computeIfAbsent(key == null ? "#" + id : key, k -> new Span());
                if (span.first == null || day.isBefore(span.firstDay) || day.equals(span.firstDay) && id < span.firstId) {
                    span.firstDay = day;
                    span.firstId = id;
                    span.first = level;
                }
                if (span.latest == null || day.isAfter(span.latestDay) || day.equals(span.latestDay) && id > span.latestId) {
                    span.latestDay = day;
                    span.latestId = id;
                    span.latest = level;
                }
            }
        }

        /** People by the level of their first record; a level some record has but nobody started at counts 0. */
        Map<AutonomyLevel, Long> firstAutonomy() {
            return byPerson(span -> span.first);
        }

        Map<AutonomyLevel, Long> latestAutonomy() {
            return byPerson(span -> span.latest);
        }

        private Map<AutonomyLevel, Long> byPerson(Function<Span, AutonomyLevel> level) {
            var counts = new EnumMap<AutonomyLevel, Long>(AutonomyLevel.class);
            autonomy.keySet().forEach(l -> counts.put(l, 0L));
            people.values().forEach(span -> counts.merge(level.apply(span), 1L, Long::sum));
            return counts;
        }

        private static <E extends Enum<E>> E tally(Map<E, Long> counts, String value, Function<String, E> parse) {
            if (value == null) {
                return null;
            }
            E e = parse.apply(value);
            counts.merge(e, 1L, Long::sum);
            return e;
        }

        private static Long nullable(ResultSet rs, String column) throws SQLException {
            long value = rs.getLong(column);
            return rs.wasNull() ? null : value;
        }
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
