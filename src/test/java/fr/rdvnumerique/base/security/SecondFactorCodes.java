package fr.rdvnumerique.base.security;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tests compute second-factor codes the way an authenticator app does, from the secret stored on the account or
 * shown on the screen.
 */
public final class SecondFactorCodes {

    private SecondFactorCodes() {
    }

    /** The code of the current time step. */
    public static String now(String secret) {
        return TotpCodes.code(secret.replace(" ", ""), TotpCodes.step(Instant.now()));
    }

    /** The code of the time step of {@code at}. */
    public static String at(String secret, Instant at) {
        return TotpCodes.code(secret.replace(" ", ""), TotpCodes.step(at));
    }

    /** The key of the tests' configuration ({@code config/application.properties}). */
    static final SecondFactorSecrets SECRETS =
            new SecondFactorSecrets("test-second-factor-key-of-at-least-32-characters");

    /** The account's secret, opened (the tests' configuration seals them). */
    public static String secretOf(JdbcTemplate jdbc, String email) {
        String key = email.toLowerCase(java.util.Locale.ROOT);
        return jdbc.query("select id, totp_secret from staff_account where email = ?",
                (rs, n) -> SECRETS.open(rs.getLong(1), rs.getString(2)), key).getFirst();
    }

    /** The account's secret as the database keeps it. */
    public static String storedSecretOf(JdbcTemplate jdbc, String email) {
        return jdbc.queryForObject("select totp_secret from staff_account where email = ?", String.class,
                email.toLowerCase(java.util.Locale.ROOT));
    }

    /** Gives the account a second factor directly (for tests about what comes after). */
    public static String enrol(JdbcTemplate jdbc, String email) {
        String secret = TotpCodes.newSecret();
        jdbc.update("update staff_account set totp_secret = ?, totp_last_step = null where email = ?", secret, email);
        return secret;
    }

    /**
     * A code the account has not spent yet: the current step's, else the next one (accepted too), else waits for a
     * step it can use. For tests that sign the same account in several times within thirty seconds.
     */
    public static String unspent(JdbcTemplate jdbc, String mixedCaseEmail, String secret) {
        String email = mixedCaseEmail.toLowerCase(java.util.Locale.ROOT);
        while (true) {
            Long last = jdbc.queryForObject("select totp_last_step from staff_account where email = ?", Long.class,
                    email);
            long now = TotpCodes.step(Instant.now());
            long step = last == null ? now : Math.max(now, last + 1);
            if (step <= now + TotpCodes.WINDOW) {
                return TotpCodes.code(secret.replace(" ", ""), step);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
