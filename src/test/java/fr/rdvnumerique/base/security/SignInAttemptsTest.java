package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins slow the account down, in the database, without ever locking it; addresses are braked separately;
 * every sign-in, won or refused, is in the audit trail, without what was typed.
 */
@IntegrationTest
class SignInAttemptsTest {

    private static final String PASSWORD = "mot de passe des essais";

    @Autowired AuthenticationProvider signIn;
    @Autowired StaffAccountProvisioning provisioning;
    @Autowired TransactionTemplate transactions;
    @Autowired TerritoryFixtures fixtures;
    @Autowired StaffSessions time;
    @Autowired LoginThrottle throttle;
    @Autowired JdbcTemplate jdbc;

    private Instant now = Instant.now();

    @AfterEach
    void realTimeAgain() {
        time.useClock(null);
        throttle.reset();
    }

    private void at(Instant instant) {
        now = instant;
        time.useClock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    private Authentication attempt(String email, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return signIn.authenticate(token);
    }

    private long coordinator(String email) {
        var territory = fixtures.create("Essais");
        return transactions.execute(s -> provisioning.provision(email, "Alix Essais", PASSWORD,
                EnumSet.of(Role.COORDINATOR), territory.structureId(), null));
    }

    @Test
    void five_wrong_passwords_slow_a_coordinator_down_but_never_lock_them_out() {
        at(Instant.now());
        String email = "essais" + System.nanoTime() + "@exemple.fr";
        long id = coordinator(email);
        for (int i = 0; i < 5; i++) {
            int n = i;
            assertThat(catchThrowable(() -> attempt(email, "essai " + n, "192.0.2.60")))
                    .isInstanceOf(BadCredentialsException.class);
            at(now.plus(SignInDelay.after(i + 1)));
        }
        assertThat(jdbc.queryForObject("select failed_sign_ins from staff_account where id = ?", Integer.class, id))
                .isEqualTo(5);
        // Right after the fifth failure, even the right password waits: 2 seconds, not 15 minutes.
        at(now.minus(SignInDelay.after(5)));
        var refusal = catchThrowable(() -> attempt(email, PASSWORD, "192.0.2.61"));
        assertThat(refusal).isInstanceOf(LoginThrottledException.class);
        assertThat(((LoginThrottledException) refusal).waitSeconds()).isEqualTo(2);

        at(now.plus(SignInDelay.after(5)));
        assertThat(attempt(email, PASSWORD, "192.0.2.61").isAuthenticated()).isTrue();
        assertThat(jdbc.queryForMap("select failed_sign_ins, next_sign_in_at from staff_account where id = ?", id))
                .containsEntry("failed_sign_ins", 0).containsEntry("next_sign_in_at", null);

        List<Map<String, Object>> audit = jdbc.queryForList(
                "select kind, actor_account_id, changes from audit_entry where record_type = 'STAFF_ACCOUNT' "
                        + "and record_id = ? order by id", id);
        assertThat(audit).extracting(row -> row.get("kind")).containsExactly("SIGN_IN_FAILED", "SIGN_IN_FAILED",
                "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN");
        assertThat(audit.get(0).get("changes").toString()).contains("wrong-password");
        assertThat(audit.get(5).get("changes").toString()).contains("delayed");
        assertThat(audit.get(6).get("actor_account_id")).isEqualTo(id);
        assertThat(audit).allSatisfy(row -> assertThat(String.valueOf(row.get("changes")))
                .doesNotContain("essai", PASSWORD, email));
    }

    @Test
    void a_failure_on_an_unknown_address_is_audited_without_what_was_typed() {
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from audit_entry", Long.class);
        String typed = "mon mot de passe tapé au mauvais endroit";
        assertThat(catchThrowable(() -> attempt(typed, "n'importe quoi", "192.0.2.62")))
                .isInstanceOf(BadCredentialsException.class);
        var entries = jdbc.queryForList("select kind, record_id, changes from audit_entry where id > ? "
                + "and kind = 'SIGN_IN_FAILED' and record_id is null", before);
        assertThat(entries).isNotEmpty();
        assertThat(entries).allSatisfy(row -> assertThat(String.valueOf(row.get("changes"))).doesNotContain(typed));
    }

    @Test
    void an_address_that_keeps_failing_is_braked_whatever_the_accounts_while_others_sign_in() {
        at(Instant.now());
        String email = "adresse" + System.nanoTime() + "@exemple.fr";
        coordinator(email);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            int n = i;
            catchThrowable(() -> attempt("inconnu" + n + "@exemple.fr", "essai", "192.0.2.63"));
        }
        var refusal = catchThrowable(() -> attempt(email, PASSWORD, "192.0.2.63"));
        assertThat(refusal).isInstanceOf(LoginThrottledException.class);
        assertThat(((LoginThrottledException) refusal).waitSeconds()).as("the address, not the account").isZero();
        assertThat(attempt(email, PASSWORD, "192.0.2.64").isAuthenticated()).isTrue();
    }
}
