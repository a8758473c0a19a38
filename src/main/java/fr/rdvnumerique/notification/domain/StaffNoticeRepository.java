package fr.rdvnumerique.notification.domain;

import static fr.rdvnumerique.base.db.UtcColumns.fromDb;
import static fr.rdvnumerique.base.db.UtcColumns.toDb;

import fr.rdvnumerique.notification.NoticeMode;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff notice preferences and the notices waiting for a digest. Reads who the staff are from the shared
 * kernel's {@code staff_account} tables (base exposes no query by advisor without a signed-in coordinator).
 */
@Repository
public class StaffNoticeRepository {

    private final JdbcTemplate jdbc;

    StaffNoticeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A staff member to tell, with their choice (null when they have not chosen). */
    public record StaffMember(long accountId, String email, String name, long structureId, NoticeMode mode) {
    }

    private static final String MEMBER_COLUMNS = """
            select a.id, a.email, a.display_name, a.structure_id, p.mode
            from staff_account a left join staff_notice_preference p on p.account_id = a.id
            """;

    /** Active accounts of the structure that stand for this advisor. */
    public List<StaffMember> accountsOfAdvisor(long structureId, long advisorId) {
        return jdbc.query(MEMBER_COLUMNS + " where a.active = true and a.structure_id = ? and a.advisor_id = ? order by a.id",
                (rs, n) -> member(rs), structureId, advisorId);
    }

    /** Active coordinators of the structure. */
    public List<StaffMember> coordinators(long structureId) {
        return jdbc.query(MEMBER_COLUMNS + """
                 where a.active = true and a.structure_id = ?
                   and exists (select 1 from staff_account_role r where r.account_id = a.id and r.role = 'COORDINATOR')
                 order by a.id""", (rs, n) -> member(rs), structureId);
    }

    public Optional<StaffMember> account(long accountId) {
        return jdbc.query(MEMBER_COLUMNS + " where a.active = true and a.id = ?", (rs, n) -> member(rs), accountId)
                .stream().findFirst();
    }

    public Optional<NoticeMode> mode(long accountId) {
        return jdbc.queryForList("select mode from staff_notice_preference where account_id = ?", String.class, accountId)
                .stream().findFirst().map(NoticeMode::valueOf);
    }

    public void saveMode(long accountId, NoticeMode mode, Instant now) {
        jdbc.update("""
                insert into staff_notice_preference (account_id, mode, updated_at) values (?, ?, ?)
                on duplicate key update mode = values(mode), updated_at = values(updated_at)""",
                accountId, mode.name(), toDb(now));
    }

    /** Keeps a notice for the digest; false when this staff member already has it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean addNotice(long accountId, long structureId, String eventKey, String text, Instant now) {
        try {
            jdbc.update("""
                    insert into staff_notice (account_id, structure_id, event_key, text, created_at)
                    values (?, ?, ?, ?, ?)""", accountId, structureId, eventKey, text, toDb(now));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Accounts with notices not yet in a digest, created before {@code until}. */
    public List<Long> accountsWaiting(Instant until) {
        return jdbc.queryForList("""
                select distinct account_id from staff_notice where digest_date is null and created_at < ?
                order by account_id""", Long.class, toDb(until));
    }

    /** A notice waiting for the digest. */
    public record WaitingNotice(long id, long structureId, String text, Instant createdAt) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public List<WaitingNotice> lockWaiting(long accountId, Instant until) {
        return jdbc.query("""
                select id, structure_id, text, created_at from staff_notice
                where account_id = ? and digest_date is null and created_at < ?
                order by created_at, id for update""",
                (rs, n) -> new WaitingNotice(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        fromDb(rs.getObject(4, LocalDateTime.class))), accountId, toDb(until));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void markDigested(List<Long> ids, LocalDate day) {
        if (ids.isEmpty()) {
            return;
        }
        var args = new java.util.ArrayList<Object>();
        args.add(Date.valueOf(day));
        args.addAll(ids);
        jdbc.update("update staff_notice set digest_date = ? where id in (" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")",
                args.toArray());
    }

    private static StaffMember member(java.sql.ResultSet rs) throws java.sql.SQLException {
        String mode = rs.getString(5);
        return new StaffMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                mode == null ? null : NoticeMode.valueOf(mode));
    }
}
