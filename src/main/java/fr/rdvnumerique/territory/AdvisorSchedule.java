package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.db.UtcColumns;
import java.time.LocalDateTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An advisor is never in two places at once. Every activity (atelier session, appointment, absence) claims
 * the advisor's time in five-minute blocks, and the primary key (advisor, block) refuses any overlap at the
 * database, whatever module the activities come from and however many requests race. Claims join the
 * caller's transaction, so a refused booking leaves no block behind and a cancelled one frees its time.
 */
@Service
public class AdvisorSchedule {

    /** Times are claimed in blocks of this length; activities start and end on these boundaries. */
    public static final Duration BLOCK = Duration.ofMinutes(5);
    private static final int MAX_BLOCKS_PER_STATEMENT = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    AdvisorSchedule(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Claims the advisor's time from {@code start} to {@code end} for an activity.
     *
     * @param ownerKind short code of the owning activity type, e.g. {@code ATELIER_SESSION}
     * @param label     how staff should read the activity in a conflict message, in French
     * @throws ScheduleConflictException when any part of the time is already claimed by another activity
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claim(long advisorId, Instant start, Instant end, String ownerKind, long ownerId, String label) {
        claim(advisorId, start, end, ownerKind, ownerId, label, null);
    }

    /**
     * Like {@link #claim(long, Instant, Instant, String, long, String)}, for an activity that happens at a place:
     * agendas and calendar feeds can then say where the advisor is.
     *
     * @param placeId where the activity happens, or null (absence, remote work)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claim(long advisorId, Instant start, Instant end, String ownerKind, long ownerId, String label,
                      Long placeId) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("End must be after start");
        }
        List<Instant> blocks = blocks(start, end);
        for (int from = 0; from < blocks.size(); from += MAX_BLOCKS_PER_STATEMENT) {
            insert(advisorId, blocks.subList(from, Math.min(blocks.size(), from + MAX_BLOCKS_PER_STATEMENT)),
                    ownerKind, ownerId, label, start, end);
        }
        jdbc.update("insert into advisor_busy_period (advisor_id, owner_kind, owner_id, start_at, end_at, label, place_id)"
                + " values (?, ?, ?, ?, ?, ?, ?)", advisorId, ownerKind, ownerId, UtcColumns.toDb(blocks.getFirst()),
                UtcColumns.toDb(blocks.getLast().plus(BLOCK)), label, placeId);
    }

    /** Frees all the time an activity claimed (cancelled, moved, deleted). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(String ownerKind, long ownerId) {
        jdbc.update("delete from advisor_time_block where owner_kind = ? and owner_id = ?", ownerKind, ownerId);
        jdbc.update("delete from advisor_busy_period where owner_kind = ? and owner_id = ?", ownerKind, ownerId);
    }

    /**
     * What occupies the advisor between two instants, in time order: whole periods (on block boundaries) that
     * overlap the interval, consecutive claims of one activity merged.
     */
    @Transactional(readOnly = true)
    public List<BusyPeriod> busy(long advisorId, Instant from, Instant to) {
        return busy(List.of(advisorId), from, to).getOrDefault(advisorId, List.of());
    }

    /**
     * {@link #busy(long, Instant, Instant)} of several advisors in one query (a coordinator's agenda, the free
     * slots of a place): advisor id → periods in time order; advisors with nothing planned are left out.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<BusyPeriod>> busy(Collection<Long> advisorIds, Instant from, Instant to) {
        var byAdvisor = new HashMap<Long, List<BusyPeriod>>();
        if (advisorIds.isEmpty()) {
            return byAdvisor;
        }
        var ids = List.copyOf(new java.util.TreeSet<>(advisorIds));
        var params = new MapSqlParameterSource("advisors", ids).addValue("from", UtcColumns.toDb(from))
                .addValue("to", UtcColumns.toDb(to));
        named.query("select advisor_id, start_at, end_at, owner_kind, owner_id, label, place_id from advisor_busy_period"
                + " where advisor_id in (:advisors) and end_at > :from and start_at < :to order by advisor_id, start_at",
                params, rs -> {
            long advisor = rs.getLong(1);
            Instant start = UtcColumns.fromDb(rs.getObject(2, LocalDateTime.class));
            Instant end = UtcColumns.fromDb(rs.getObject(3, LocalDateTime.class));
            String kind = rs.getString(4);
            long owner = rs.getLong(5);
            String label = rs.getString(6);
            long place = rs.getLong(7);
            Long placeId = rs.wasNull() ? null : place;
            List<BusyPeriod> periods = byAdvisor.computeIfAbsent(advisor, a -> new ArrayList<>());
            int last = periods.size() - 1;
            if (last >= 0 && periods.get(last).end().equals(start) && periods.get(last).ownerKind().equals(kind)
                    && periods.get(last).ownerId() == owner) {
                periods.set(last, new BusyPeriod(periods.get(last).start(), end, kind, owner, label, placeId));
            } else {
                periods.add(new BusyPeriod(start, end, kind, owner, label, placeId));
            }
        });
        return byAdvisor;
    }

    private void insert(long advisorId, List<Instant> blocks, String ownerKind, long ownerId, String label,
                        Instant start, Instant end) {
        var sql = new StringBuilder("insert into advisor_time_block (advisor_id, block_start, owner_kind, owner_id, label) values ");
        var args = new ArrayList<Object>(blocks.size() * 5);
        for (int i = 0; i < blocks.size(); i++) {
            sql.append(i == 0 ? "(?,?,?,?,?)" : ",(?,?,?,?,?)");
            args.add(advisorId);
            args.add(UtcColumns.toDb(blocks.get(i)));
            args.add(ownerKind);
            args.add(ownerId);
            args.add(label);
        }
        try {
            // One multi-row statement: MariaDB applies it entirely or not at all.
            jdbc.update(sql.toString(), args.toArray());
        } catch (DuplicateKeyException e) {
            throw new ScheduleConflictException(conflictingLabel(advisorId, blocks, ownerKind, ownerId));
        }
    }

    /**
     * The label of the activity that holds one of these blocks. A duplicate key means that activity committed
     * before us, but possibly after our transaction's snapshot (its first read): a plain read could miss it. A
     * locking read sees the latest committed row; with {@code innodb_snapshot_isolation} ON it may instead fail
     * with error 1020, and the caller's {@code ConflictRetry} then runs the whole transaction again on a fresh
     * snapshot, where the conflict is read and named.
     */
    private String conflictingLabel(long advisorId, List<Instant> blocks, String ownerKind, long ownerId) {
        List<String> labels = jdbc.queryForList("select label from advisor_time_block where advisor_id = ?"
                + " and block_start >= ? and block_start <= ? and not (owner_kind = ? and owner_id = ?)"
                + " order by block_start limit 1 lock in share mode", String.class, advisorId,
                UtcColumns.toDb(blocks.getFirst()), UtcColumns.toDb(blocks.getLast()), ownerKind, ownerId);
        return labels.isEmpty() ? "?" : labels.getFirst();
    }

    static List<Instant> blocks(Instant start, Instant end) {
        var blocks = new ArrayList<Instant>();
        for (Instant block = floor(start); block.isBefore(end); block = block.plus(BLOCK)) {
            blocks.add(block);
        }
        return blocks;
    }

    static Instant floor(Instant instant) {
        long minutes = instant.truncatedTo(ChronoUnit.MINUTES).getEpochSecond() / 60;
        long blockMinutes = BLOCK.toMinutes();
        return Instant.ofEpochSecond((minutes - Math.floorMod(minutes, blockMinutes)) * 60);
    }
}
