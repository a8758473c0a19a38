package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.db.UtcColumns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins per account, in the database (every node sees them, a restart forgets nothing): each failure makes
 * the next attempt wait longer ({@link SignInDelay}); a right password clears them. Outside the account's version, so
 * an administrator's edit never meets a concurrent-change refusal because somebody mistyped.
 */
@Component
class SignInAttempts {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SignInAttempts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long this account must still wait before its password is checked again (zero: now). */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public Duration waitFor(String email) {
        var rows = jdbc.query("select failed_sign_ins, last_failed_sign_in_at from staff_account where email = ?",
                (rs, n) -> {
                    Instant last = UtcColumns.fromDb(rs.getObject(2, java.time.LocalDateTime.class));
                    if (last == null) {
                        return Duration.ZERO;
                    }
                    Duration left = Duration.between(clock.instant(), last.plus(SignInDelay.after(rs.getInt(1))));
                    return left.isNegative() ? Duration.ZERO : left;
                }, key(email));
        return rows.isEmpty() ? Duration.ZERO : rows.getFirst();
    }

    /** Counts a failure; its own transaction, so the refusal that follows does not roll it back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String email) {
        jdbc.update("""
                update staff_account set failed_sign_ins = failed_sign_ins + 1, last_failed_sign_in_at = ?
                where email = ?""", UtcColumns.toDb(clock.instant()), key(email));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String email) {
        jdbc.update("update staff_account set failed_sign_ins = 0, last_failed_sign_in_at = null "
                + "where email = ? and failed_sign_ins > 0", key(email));
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
