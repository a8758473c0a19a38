package fr.rdvnumerique.notification.domain;

import static fr.rdvnumerique.base.db.UtcColumns.fromDb;
import static fr.rdvnumerique.base.db.UtcColumns.toDb;

import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.notification.internal.CallReason;
import fr.rdvnumerique.notification.internal.CallStatus;
import fr.rdvnumerique.notification.internal.CallTask;
import fr.rdvnumerique.notification.internal.SubjectRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The {@code call_task} table: the calls staff owe residents who get neither mails nor text messages. */
@Repository
public class CallRepository {

    private static final String COLUMNS = """
            id, advisor_id, kind, person_name, phone, what, due_by, status, attempts, outcome_by, outcome_at""";

    private final JdbcTemplate jdbc;

    CallRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A call to add. */
    public record NewCall(String dedupKey, long structureId, Long advisorId, SubjectRef subject, CallReason reason,
                          String personName, String phone, String what, Instant dueBy, Instant createdAt) {
    }

    /**
     * Adds a call and retires the open ones about the same subject (staff tell the current state once).
     *
     * @return false when the same call exists already (nothing changes)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean insert(NewCall c) {
        try {
            jdbc.update("""
                    insert into call_task (dedup_key, structure_id, advisor_id, subject_type, subject_id, kind,
                        person_name, phone, what, due_by, status, attempts, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DUE', 0, ?)""",
                    c.dedupKey(), c.structureId(), c.advisorId(), c.subject().type(), c.subject().id(), c.reason().name(),
                    c.personName(), c.phone(), c.what(), toDb(c.dueBy()), toDb(c.createdAt()));
        } catch (DuplicateKeyException e) {
            return false;
        }
        jdbc.update("""
                update call_task set status = 'SUPERSEDED'
                where subject_type = ? and subject_id = ? and status in ('DUE', 'NO_ANSWER') and dedup_key <> ?""",
                c.subject().type(), c.subject().id(), c.dedupKey());
        return true;
    }

    /** Nothing left to tell about this subject: its open calls are dropped. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int withdraw(SubjectRef subject) {
        return jdbc.update("""
                update call_task set status = 'SUPERSEDED'
                where subject_type = ? and subject_id = ? and status in ('DUE', 'NO_ANSWER')""",
                subject.type(), subject.id());
    }

    /**
     * The structure's calls still to make (or all, {@code openOnly} false), most urgent first: the earliest
     * deadline, then those never tried.
     */
    public List<CallTask> list(long structureId, Long advisorId, boolean openOnly, int limit) {
        return jdbc.query("select " + COLUMNS + " from call_task where structure_id = ?"
                        + (advisorId == null ? " and ? is null" : " and advisor_id = ?")
                        + (openOnly ? " and status in ('DUE', 'NO_ANSWER')" : " and status <> 'SUPERSEDED'")
                        + " order by status in ('CALLED') , due_by, status = 'NO_ANSWER', id limit ?",
                CallRepository::call, structureId, advisorId, limit);
    }

    public Optional<Long> structureOf(long id) {
        return jdbc.queryForList("select structure_id from call_task where id = ?", Long.class, id).stream().findFirst();
    }

    /** Records what came of a call; false when it is not open any more. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean mark(long id, CallStatus outcome, String by, Instant at) {
        return jdbc.update("""
                update call_task set status = ?, attempts = attempts + 1, outcome_by = ?, outcome_at = ?
                where id = ? and status in ('DUE', 'NO_ANSWER')""", outcome.name(), by, toDb(at), id) == 1;
    }

    /** Calls still to make before their deadline, for the structure (and one advisor's, or the unassigned ones). */
    public int openCount(long structureId, Instant now) {
        Integer count = jdbc.queryForObject("""
                select count(*) from call_task
                where structure_id = ? and status in ('DUE', 'NO_ANSWER') and due_by > ?""", Integer.class,
                structureId, toDb(now));
        return count == null ? 0 : count;
    }

    /** Forgets calls about activities long past (names, numbers). */
    public int deleteDueBefore(Instant cutoff) {
        return jdbc.update("delete from call_task where due_by < ?", toDb(cutoff));
    }

    private static CallTask call(ResultSet rs, int rowNum) throws SQLException {
        String phone = rs.getString("phone");
        String shown;
        try {
            shown = new PhoneNumber(phone).display();
        } catch (RuntimeException e) {
            shown = phone;
        }
        return new CallTask(rs.getLong("id"), rs.getObject("advisor_id", Long.class), null,
                CallReason.valueOf(rs.getString("kind")), rs.getString("person_name"), shown, rs.getString("what"),
                instant(rs, "due_by"), CallStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("outcome_by"), instant(rs, "outcome_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return fromDb(rs.getObject(column, LocalDateTime.class));
    }
}
