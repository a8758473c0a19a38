package fr.rdvnumerique.base.security;

import java.time.Instant;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a typed code against a secret and spends it: a code is good once. The last accepted time step is kept in
 * the account's row and moved forward by one conditional update, so two requests racing with the same code (or a
 * code captured and sent again, even to another node) cannot both pass: the second finds the step already spent.
 */
@Component
class SecondFactors {

    enum Check { ACCEPTED, WRONG, REPLAYED }

    private final JdbcTemplate jdbc;
    private final StaffSessions time;

    SecondFactors(JdbcTemplate jdbc, StaffSessions time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    Instant now() {
        return time.now();
    }

    /**
     * Checks {@code typed} against {@code secret} now and, if it is right, spends its time step for the account: in
     * the caller's transaction, else in one of its own. The row stays locked until that transaction ends, so a caller
     * records failures ({@link SignInAttempts}, its own transaction) only after it.
     */
    @Transactional
    Check spend(long accountId, String secret, String typed) {
        OptionalLong step = TotpCodes.matchingStep(secret, typed, time.now());
        if (step.isEmpty()) {
            return Check.WRONG;
        }
        int updated = jdbc.update("update staff_account set totp_last_step = ? where id = ? "
                + "and (totp_last_step is null or totp_last_step < ?)", step.getAsLong(), accountId, step.getAsLong());
        return updated == 1 ? Check.ACCEPTED : Check.REPLAYED;
    }

    /** What a correct password leads to for this account: straight in, a code, or setting up the second factor. */
    PendingSignIn pendingFor(StaffPrincipal staff) {
        var rows = jdbc.query("select totp_secret is not null from staff_account where id = ?",
                (rs, n) -> rs.getBoolean(1), staff.accountId());
        boolean hasSecret = !rows.isEmpty() && rows.getFirst();
        if (!hasSecret && !staff.has(Role.ADMIN)) {
            return null;
        }
        return new PendingSignIn(staff.accountId(), staff.getUsername(), staff.securityStamp(), time.now(), !hasSecret);
    }
}
