package fr.rdvnumerique.notification.domain;

import static fr.rdvnumerique.base.db.UtcColumns.fromDb;
import static fr.rdvnumerique.base.db.UtcColumns.toDb;

import fr.rdvnumerique.notification.internal.NoticeMode;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff notice preferences and the notices waiting for a digest. Who the staff are comes from the shared kernel's
 * {@code StaffDirectory}; only their choices and notices are kept here.
 */
@Repository
public class StaffNoticeRepository {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    StaffNoticeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The choices of these accounts; an account that has not chosen is missing. */
    public Map<Long, NoticeMode> modes(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        var modes = new HashMap<Long, NoticeMode>();
        named.query("select account_id, mode from staff_notice_preference where account_id in (:accounts)",
                new MapSqlParameterSource("accounts", accountIds), rs -> {
                    modes.put(rs.getLong(1), NoticeMode.valueOf(rs.getString(2)));
                });
        return modes;
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
        named.update("update staff_notice set digest_date = :day where id in (:ids)",
                new MapSqlParameterSource("day", Date.valueOf(day)).addValue("ids", ids));
    }

    /** Notices already in a digest, kept no longer than residents' other personal data. */
    public int deleteDigestedBefore(Instant cutoff) {
        return jdbc.update("delete from staff_notice where digest_date is not null and created_at < ?", toDb(cutoff));
    }
}
