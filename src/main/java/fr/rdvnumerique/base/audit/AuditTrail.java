package fr.rdvnumerique.base.audit;

import fr.rdvnumerique.base.db.UtcColumns;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.time.ParisTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: which staff member did what to which record, when (ADR 012). A service that changes data or
 * exports personal data calls {@link #record} inside its own transaction, after the change succeeded: the entry
 * commits with the action or not at all (propagation MANDATORY: calling it outside a transaction is a bug and
 * fails). The application only appends: there is no update, and a database trigger refuses any update and any
 * delete but the purge's ({@link AuditTrailPurge}).
 * <p>
 * An entry holds ids, kinds, structure and a short before/after of key fields ({@link AuditChanges}), never a
 * resident's name or contact, so it needs no anonymisation and answers « who cancelled this registration » for as
 * long as it is kept.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final CurrentStaff currentStaff;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, CurrentStaff currentStaff, Clock clock) {
        this.jdbc = jdbc;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    /** Records what the signed-in staff member (or the application, when nobody is signed in) just did. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditKind kind, Long recordId, Long structureId, AuditChanges changes) {
        recordAs(currentActor(), kind, recordId, structureId, changes);
    }

    /**
     * The signed-in staff member, or the application. Capture it on the request's thread when the transaction
     * runs on another one (a group commit), and pass it to {@link #recordAs}.
     */
    public AuditActor currentActor() {
        return currentStaff.principal()
                .map(p -> AuditActor.staff(p.accountId(), p.displayName()))
                .orElseGet(AuditActor::system);
    }

    /** Records an action on behalf of a given actor (sign-ins: nobody is signed in yet when they are decided). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(AuditActor actor, AuditKind kind, Long recordId, Long structureId, AuditChanges changes) {
        jdbc.sql("""
                        insert into audit_entry (occurred_at, actor_account_id, actor_name, kind, record_type, record_id,
                            structure_id, changes) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UtcColumns.toDb(clock.instant()), actor.accountId(), cut(actor.name(), 120), kind.name(),
                        kind.recordType().name(), recordId, structureId,
                        changes == null || changes.isEmpty() ? null : changes.text())
                .update();
    }

    /**
     * The journal, newest first, page by page: a coordinator sees their structure's entries, an administrator
     * everyone's (or one structure's).
     */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public Slice<AuditEntry> list(AuditFilter filter, Pageable pageable) {
        var where = new StringBuilder(" where 1 = 1");
        var params = new ArrayList<Object>();
        scope(filter, where, params);
        if (filter.actorAccountId() != null) {
            where.append(" and actor_account_id = ?");
            params.add(filter.actorAccountId());
        }
        if (filter.kind() != null) {
            where.append(" and kind = ?");
            params.add(filter.kind().name());
        }
        if (filter.recordId() != null) {
            where.append(" and record_id = ?");
            params.add(filter.recordId());
        }
        if (filter.from() != null) {
            where.append(" and occurred_at >= ?");
            params.add(UtcColumns.toDb(filter.from().atStartOfDay(ParisTime.ZONE).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" and occurred_at < ?");
            params.add(UtcColumns.toDb(filter.to().plusDays(1).atStartOfDay(ParisTime.ZONE).toInstant()));
        }
        int size = pageable.isPaged() ? pageable.getPageSize() : 500;
        long offset = pageable.isPaged() ? pageable.getOffset() : 0;
        params.add((long) size + 1);
        params.add(offset);
        List<AuditEntry> rows = jdbc.sql("""
                        select id, occurred_at, actor_account_id, actor_name, kind, record_id, structure_id, changes
                        from audit_entry""" + where + " order by occurred_at desc, id desc limit ? offset ?")
                .params(params)
                .query(AuditTrail::entry)
                .list();
        boolean more = rows.size() > size;
        return new SliceImpl<>(more ? rows.subList(0, size) : rows, pageable, more);
    }

    /** The staff members who appear in the journal the signed-in person may read, for its filter. */
    @PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditActor> actors() {
        var where = new StringBuilder(" where actor_account_id is not null");
        var params = new ArrayList<Object>();
        scope(AuditFilter.everything(), where, params);
        return jdbc.sql("select actor_account_id, max(actor_name) from audit_entry" + where
                        + " group by actor_account_id order by max(actor_name)")
                .params(params)
                .query((rs, n) -> AuditActor.staff(rs.getLong(1), rs.getString(2)))
                .list();
    }

    private void scope(AuditFilter filter, StringBuilder where, List<Object> params) {
        if (currentStaff.isAdmin()) {
            if (filter.structureId() != null) {
                where.append(" and structure_id = ?");
                params.add(filter.structureId());
            }
        } else {
            where.append(" and structure_id = ?");
            params.add(currentStaff.structureId());
        }
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        Instant at = UtcColumns.fromDb(rs.getObject(2, LocalDateTime.class));
        long actorId = rs.getLong(3);
        var actor = rs.wasNull() ? AuditActor.system() : AuditActor.staff(actorId, rs.getString(4));
        return new AuditEntry(rs.getLong(1), at, actor, AuditKind.valueOf(rs.getString(5)),
                rs.getObject(6, Long.class), rs.getObject(7, Long.class), rs.getString(8));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
