package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.audit.AuditActor;
import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.db.UtcColumns;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins per account, in the database (every node sees them, a restart forgets nothing): each failure
 * pushes the account's next allowed attempt further ({@link SignInDelay}); the right password clears them. Kept
 * outside the account's version, so that an administrator's edit never meets a « changed meanwhile » refusal because
 * somebody mistyped. Each sign-in, won or refused, leaves an audit entry in the same transaction: which account
 * (never what was typed: a password typed in the address field must not end up in the journal), and why it was
 * refused.
 */
@Component
class SignInAttempts {

    private final JdbcTemplate jdbc;
    private final StaffSessions time;
    private final AuditTrail audit;

    SignInAttempts(JdbcTemplate jdbc, StaffSessions time, AuditTrail audit) {
        this.jdbc = jdbc;
        this.time = time;
        this.audit = audit;
    }

    /** How long this account must still wait before its password is checked again (zero: now). */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Duration waitFor(String email) {
        List<Instant> next = jdbc.query("select next_sign_in_at from staff_account where email = ?",
                (rs, n) -> UtcColumns.fromDb(rs.getObject(1, LocalDateTime.class)), key(email));
        if (next.isEmpty() || next.getFirst() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(time.now(), next.getFirst());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * A wrong password: counted, the next attempt pushed back, and audited. Its own transaction, so the refusal that
     * follows rolls nothing back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String email, String reason) {
        String key = key(email);
        int updated = jdbc.update("update staff_account set failed_sign_ins = failed_sign_ins + 1 where email = ?", key);
        if (updated > 0) {
            int failures = jdbc.queryForObject("select failed_sign_ins from staff_account where email = ?",
                    Integer.class, key);
            jdbc.update("update staff_account set next_sign_in_at = ? where email = ?",
                    UtcColumns.toDb(time.now().plus(SignInDelay.after(failures))), key);
        }
        refused(key, reason);
    }

    /** A sign-in refused without checking the password (still waiting, disabled): audited, not counted. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(String email, String reason) {
        var account = account(key(email));
        audit.recordAs(AuditActor.system(), AuditKind.SIGN_IN_FAILED, account == null ? null : account.id(),
                account == null ? null : account.structureId(), AuditChanges.value("reason", reason));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(StaffPrincipal staff) {
        jdbc.update("update staff_account set failed_sign_ins = 0, next_sign_in_at = null where id = ? "
                + "and (failed_sign_ins > 0 or next_sign_in_at is not null)", staff.accountId());
        audit.recordAs(AuditActor.staff(staff.accountId(), staff.displayName()), AuditKind.SIGN_IN, staff.accountId(),
                staff.structureId(), AuditChanges.none());
    }

    private Known account(String key) {
        var rows = jdbc.query("select id, structure_id from staff_account where email = ?",
                (rs, n) -> new Known(rs.getLong(1), (Long) rs.getObject(2, Long.class)), key);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    private record Known(long id, Long structureId) {
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
