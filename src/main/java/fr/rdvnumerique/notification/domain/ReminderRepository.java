package fr.rdvnumerique.notification.domain;

import static fr.rdvnumerique.base.db.UtcColumns.fromDb;
import static fr.rdvnumerique.base.db.UtcColumns.toDb;

import fr.rdvnumerique.notification.internal.ReminderActivity;
import fr.rdvnumerique.notification.internal.ReminderSubject;
import fr.rdvnumerique.notification.internal.ScheduledReminder;
import fr.rdvnumerique.notification.internal.SubjectRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code scheduled_reminder} table (one row per subject and offset) and {@code reminder_subject} (what each
 * subject's reminders were planned from).
 */
@Repository
public class ReminderRepository {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ReminderRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** A row as the job and the scheduling code handle it. */
    public record Row(long id, SubjectRef subject, long structureId, int offsetMinutes, Instant startsAt, Instant dueAt,
                      String status) {

        public Duration offset() {
            return Duration.ofMinutes(offsetMinutes);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void saveSubject(ReminderSubject s, Instant now) {
        jdbc.update("""
                insert into reminder_subject (subject_type, subject_id, structure_id, activity, override_id, starts_at,
                    wanted, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on duplicate key update structure_id = values(structure_id), activity = values(activity),
                    override_id = values(override_id), starts_at = values(starts_at), wanted = values(wanted),
                    updated_at = values(updated_at)""",
                s.subject().type(), s.subject().id(), s.structureId(), s.activity().name(), s.overrideId(),
                toDb(s.start()), s.wanted(), toDb(now));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void unwantSubject(SubjectRef subject, Instant now) {
        jdbc.update("update reminder_subject set wanted = false, updated_at = ? where subject_type = ? and subject_id = ?",
                toDb(now), subject.type(), subject.id());
    }

    /**
     * Subjects still to come that want reminders: the structure's for an activity, or, with {@code overrideId},
     * only those of that motif or workshop.
     */
    public List<ReminderSubject> upcomingSubjects(long structureId, ReminderActivity activity, Long overrideId,
                                                  Instant now) {
        String sql = """
                select subject_type, subject_id, structure_id, activity, override_id, starts_at, wanted
                from reminder_subject
                where structure_id = ? and activity = ? and wanted = true and starts_at > ?""";
        if (overrideId == null) {
            return jdbc.query(sql + " order by starts_at", ReminderRepository::subject, structureId, activity.name(),
                    toDb(now));
        }
        return jdbc.query(sql + " and override_id = ? order by starts_at", ReminderRepository::subject, structureId,
                activity.name(), toDb(now), overrideId);
    }

    private static ReminderSubject subject(ResultSet rs, int rowNum) throws SQLException {
        return new ReminderSubject(new SubjectRef(rs.getString("subject_type"), rs.getLong("subject_id")),
                rs.getLong("structure_id"), ReminderActivity.valueOf(rs.getString("activity")),
                rs.getObject("override_id", Long.class), instant(rs, "starts_at"), rs.getBoolean("wanted"));
    }

    /**
     * Locks the subject's reminders. They are found first without a lock, then locked by primary key: a locking scan
     * of the subject's range would also lock the gap next to it, so concurrent plans for neighbouring subjects
     * would wait for each other, or fail under {@code innodb_snapshot_isolation} on a neighbour's new row.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Row> lockSubject(SubjectRef subject) {
        List<Long> ids = idsOf(subject);
        if (ids.isEmpty()) {
            return List.of();
        }
        return named.query("""
                select id, subject_type, subject_id, structure_id, offset_minutes, starts_at, due_at, status
                from scheduled_reminder where id in (:ids) order by offset_minutes desc
                for update""", new MapSqlParameterSource("ids", ids), ReminderRepository::row);
    }

    private List<Long> idsOf(SubjectRef subject) {
        return jdbc.queryForList("select id from scheduled_reminder where subject_type = ? and subject_id = ?",
                Long.class, subject.type(), subject.id());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void insert(SubjectRef subject, long structureId, int offsetMinutes, Instant startsAt, Instant dueAt,
                       String status, StaffNote note) {
        jdbc.update("""
                insert into scheduled_reminder (subject_type, subject_id, structure_id, offset_minutes, starts_at, due_at,
                    status, note)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", subject.type(), subject.id(), structureId, offsetMinutes,
                toDb(startsAt), dueAt == null ? null : toDb(dueAt), status, stored(note));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void replan(long id, Instant startsAt, Instant dueAt, String status, StaffNote note) {
        jdbc.update("""
                update scheduled_reminder set starts_at = ?, due_at = ?, status = ?, note = ?, processed_at = null,
                    attempts = 0
                where id = ?""", toDb(startsAt), dueAt == null ? null : toDb(dueAt), status, stored(note), id);
    }

    /** The subject's pending reminders will not go out (by primary key, see {@link #lockSubject}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancel(SubjectRef subject, StaffNote note) {
        List<Long> ids = idsOf(subject);
        if (ids.isEmpty()) {
            return 0;
        }
        return named.update("""
                update scheduled_reminder set status = 'CANCELLED', note = :note
                where id in (:ids) and status = 'PENDING'""", new MapSqlParameterSource("note", stored(note)).addValue("ids", ids));
    }

    /** Due reminders, oldest first, without locking (candidates; each is then locked on its own). */
    public List<Long> due(Instant now, int limit) {
        return jdbc.queryForList("""
                select id from scheduled_reminder where status = 'PENDING' and due_at <= ?
                order by due_at, id limit ?""", Long.class, toDb(now), limit);
    }

    /** Locks a reminder that is still pending, unless another runner holds it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Row> lockPending(long id) {
        return jdbc.query("""
                select id, subject_type, subject_id, structure_id, offset_minutes, starts_at, due_at, status
                from scheduled_reminder where id = ? and status = 'PENDING'
                for update skip locked""", ReminderRepository::row, id).stream().findFirst();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void done(long id, String status, StaffNote note, Instant at) {
        jdbc.update("update scheduled_reminder set status = ?, note = ?, processed_at = ? where id = ?",
                status, stored(note), toDb(at), id);
    }

    /** Waits until {@code dueAt} (the night is over); the reminder stays pending. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void postpone(long id, Instant dueAt, StaffNote note) {
        jdbc.update("update scheduled_reminder set due_at = ?, note = ? where id = ? and status = 'PENDING'",
                toDb(dueAt), stored(note), id);
    }

    /**
     * Its mail could not be written: tried again at {@code retryAt}, or FAILED with the reason once it has had
     * {@code maxAttempts} attempts.
     */
    public void failAttempt(long id, Instant retryAt, StaffNote reason, int maxAttempts, Instant now) {
        // status is set first: MariaDB evaluates the assignments of one UPDATE from left to right.
        jdbc.update("""
                update scheduled_reminder
                set status = case when attempts + 1 >= ? then 'FAILED' else 'PENDING' end,
                    processed_at = case when attempts + 1 >= ? then ? else null end,
                    attempts = attempts + 1, due_at = ?, note = ?
                where id = ? and status = 'PENDING'""",
                maxAttempts, maxAttempts, toDb(now), toDb(retryAt), stored(reason), id);
    }

    public List<ScheduledReminder> of(SubjectRef subject) {
        return jdbc.query("""
                select subject_type, subject_id, offset_minutes, starts_at, due_at, status, note
                from scheduled_reminder where subject_type = ? and subject_id = ? order by offset_minutes desc""",
                (rs, n) -> new ScheduledReminder(new SubjectRef(rs.getString(1), rs.getLong(2)),
                        Duration.ofMinutes(rs.getInt(3)), instant(rs, 4), instant(rs, 5), rs.getString(6),
                        StaffNote.parse(rs.getString(7))),
                subject.type(), subject.id());
    }

    /** The note as the column holds it (varchar(200)). */
    private static String stored(StaffNote note) {
        return note == null ? null : note.stored(200);
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getLong("id"), new SubjectRef(rs.getString("subject_type"), rs.getLong("subject_id")),
                rs.getLong("structure_id"), rs.getInt("offset_minutes"), instant(rs, "starts_at"), instant(rs, "due_at"),
                rs.getString("status"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return fromDb(rs.getObject(column, LocalDateTime.class));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return fromDb(rs.getObject(column, LocalDateTime.class));
    }
}
