package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing in with a second factor: the password alone signs in nobody who has one, nor any administrator; then a
 * current code, once, and wrong codes slow the account down like wrong passwords.
 */
@IntegrationTest
class SecondFactorSignInTest {

    private static final String PASSWORD = "phrase de passe à deux étapes";

    @Autowired AuthenticationProvider passwords;
    @Autowired SecondFactorSignIn secondStep;
    @Autowired StaffAccountProvisioning provisioning;
    @Autowired TransactionTemplate transactions;
    @Autowired TerritoryFixtures fixtures;
    @Autowired StaffSessions time;
    @Autowired LoginThrottle throttle;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void realTimeAgain() {
        time.useClock(null);
        throttle.reset();
    }

    private Instant at(Instant instant) {
        time.useClock(Clock.fixed(instant, ZoneOffset.UTC));
        return instant;
    }

    private String coordinator() {
        String email = "deux.etapes" + System.nanoTime() + "@exemple.fr";
        var territory = fixtures.create("Deux étapes");
        transactions.executeWithoutResult(s -> provisioning.provision(email, "Alix Deux-Étapes", PASSWORD,
                EnumSet.of(Role.COORDINATOR), territory.structureId(), null));
        return email;
    }

    private String admin() {
        String email = "admin.deux.etapes" + System.nanoTime() + "@exemple.fr";
        transactions.executeWithoutResult(s -> provisioning.provision(email, "Sacha Administration", PASSWORD,
                EnumSet.of(Role.ADMIN), null, null));
        return email;
    }

    private PendingSignIn password(String email) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(email, PASSWORD);
        token.setDetails(new WebAuthenticationDetails("192.0.2.77", null));
        try {
            passwords.authenticate(token);
        } catch (SecondFactorRequiredException pending) {
            return pending.pending();
        }
        throw new AssertionError("signed in by the password alone");
    }

    private long failures(String email) {
        return jdbc.queryForObject("select failed_sign_ins from staff_account where email = ?", Long.class, email);
    }

    @Test
    void a_coordinator_without_a_second_factor_signs_in_with_the_password() {
        String email = coordinator();
        Authentication signedIn = passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email,
                PASSWORD));
        assertThat(signedIn.getPrincipal()).isInstanceOf(StaffPrincipal.class);
    }

    @Test
    void with_a_second_factor_the_password_is_not_enough_and_the_current_code_signs_in() {
        String email = coordinator();
        String secret = SecondFactorCodes.enrol(jdbc, email);
        Instant now = at(Instant.now());

        PendingSignIn pending = password(email);
        assertThat(pending.enrol()).isFalse();
        Authentication signedIn = secondStep.complete(pending, null, SecondFactorCodes.at(secret, now));

        assertThat(signedIn.isAuthenticated()).isTrue();
        assertThat(((StaffPrincipal) signedIn.getPrincipal()).getUsername()).isEqualTo(email);
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).contains("ROLE_COORDINATOR");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where record_id = ? and kind = 'SIGN_IN'",
                Long.class, pending.accountId())).as("the sign-in is audited once the code is right").isOne();
    }

    @Test
    void a_code_of_the_previous_or_next_step_is_accepted_not_older() {
        String email = coordinator();
        String secret = SecondFactorCodes.enrol(jdbc, email);
        Instant now = at(Instant.now());

        assertThatThrownBy(() -> secondStep.complete(password(email), null,
                SecondFactorCodes.at(secret, now.minus(Duration.ofSeconds(60)))))
                .extracting("messageKey").isEqualTo("login.second-factor.wrong-code");
        assertThat(secondStep.complete(password(email), null, SecondFactorCodes.at(secret, now.minusSeconds(30))))
                .as("typed as it changed").isNotNull();
        assertThat(secondStep.complete(password(email), null, SecondFactorCodes.at(secret, now.plusSeconds(30))))
                .as("a phone a little ahead").isNotNull();
    }

    @Test
    void a_code_is_good_once() {
        String email = coordinator();
        String secret = SecondFactorCodes.enrol(jdbc, email);
        Instant now = at(Instant.now());
        String code = SecondFactorCodes.at(secret, now);
        secondStep.complete(password(email), null, code);

        assertThatThrownBy(() -> secondStep.complete(password(email), null, code))
                .extracting("messageKey").isEqualTo("staff.second-factor.used-code");
        assertThatThrownBy(() -> secondStep.complete(password(email), null, SecondFactorCodes.at(secret,
                now.minusSeconds(30)))).as("nor an older one").extracting("messageKey")
                .isEqualTo("staff.second-factor.used-code");
        assertThat(failures(email)).as("a replayed code counts as a failure").isEqualTo(2);
    }

    @Test
    void wrong_codes_slow_the_account_down_and_the_right_password_does_not_clear_them() {
        String email = coordinator();
        String secret = SecondFactorCodes.enrol(jdbc, email);
        Instant now = at(Instant.now());
        String right = SecondFactorCodes.at(secret, now);
        String wrong = String.format("%06d", (Integer.parseInt(right) + 500_000) % 1_000_000);

        for (int i = 0; i < 4; i++) {
            PendingSignIn pending = password(email);
            assertThatThrownBy(() -> secondStep.complete(pending, null, wrong)).extracting("messageKey")
                    .isEqualTo("login.second-factor.wrong-code");
        }
        assertThat(failures(email)).as("the right password cleared nothing").isEqualTo(4);
        assertThatThrownBy(() -> passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email,
                PASSWORD))).as("the password waits too").isInstanceOf(LoginThrottledException.class);

        at(now.plus(SignInDelay.MAX));
        PendingSignIn pending = password(email);
        secondStep.complete(pending, null, SecondFactorCodes.at(secret, now.plus(SignInDelay.MAX)));
        assertThat(failures(email)).as("the right code clears them").isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where record_id = ? and kind = 'SIGN_IN_FAILED' "
                + "and changes like '%wrong-code%'", Long.class, pending.accountId())).isEqualTo(4);
    }

    @Test
    void wrong_codes_from_one_address_brake_it_as_wrong_passwords_do() {
        String email = coordinator();
        String secret = SecondFactorCodes.enrol(jdbc, email);
        Instant now = Instant.now();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            // Each try after the account's own delay, so that only the address's brake is left to stop them.
            Instant then = at(now.plus(SignInDelay.MAX.multipliedBy(i)));
            String right = SecondFactorCodes.at(secret, then);
            String wrong = String.format("%06d", (Integer.parseInt(right) + 500_000) % 1_000_000);
            PendingSignIn pending = password(email);
            assertThatThrownBy(() -> secondStep.complete(pending, null, wrong)).extracting("messageKey")
                    .isEqualTo("login.second-factor.wrong-code");
        }
        Instant then = at(now.plus(SignInDelay.MAX.multipliedBy(LoginThrottle.MAX_FAILURES_PER_ADDRESS)));
        PendingSignIn pending = password(email);
        assertThatThrownBy(() -> secondStep.complete(pending, null, SecondFactorCodes.at(secret, then)))
                .as("even the right code, from that address").extracting("messageKey").isEqualTo("login.blocked");
    }

    @Test
    void an_administrator_without_a_second_factor_sets_it_up_before_signing_in() {
        String email = admin();
        Instant now = at(Instant.now());
        PendingSignIn pending = password(email);
        assertThat(pending.enrol()).as("sent to set it up").isTrue();
        var offer = secondStep.propose(pending);
        assertThat(SecondFactorCodes.secretOf(jdbc, email)).as("nothing kept before a code").isNull();

        assertThatThrownBy(() -> secondStep.complete(pending, offer, "000000".equals(SecondFactorCodes.at(offer.secret(),
                now)) ? "111111" : "000000")).extracting("messageKey").isEqualTo("login.second-factor.wrong-code");
        assertThat(SecondFactorCodes.secretOf(jdbc, email)).isNull();

        Authentication signedIn = secondStep.complete(pending, offer, SecondFactorCodes.at(offer.secret(), now));
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).contains("ROLE_ADMIN");
        assertThat(SecondFactorCodes.secretOf(jdbc, email)).isEqualTo(offer.secret());
        assertThat(SecondFactorCodes.storedSecretOf(jdbc, email)).as("sealed in the row")
                .startsWith(SecondFactorSecrets.SEALED).doesNotContain(offer.secret());
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where record_id = ? "
                + "and kind = 'SECOND_FACTOR_ENABLED'", Long.class, pending.accountId())).isOne();
        assertThat(jdbc.queryForObject("select changes from audit_entry where record_id = ? "
                + "and kind = 'SECOND_FACTOR_ENABLED'", String.class, pending.accountId()))
                .as("no secret in the journal").doesNotContain(offer.secret());

        at(now.plusSeconds(30));
        assertThat(password(email).enrol()).as("next time: a code").isFalse();
    }

    @Test
    void a_pending_sign_in_lasts_five_minutes_and_ends_with_a_password_reset() {
        String email = coordinator();
        String secret = SecondFactorCodes.enrol(jdbc, email);
        Instant now = at(Instant.now());
        PendingSignIn pending = password(email);

        Instant later = at(now.plus(SecondFactorSignIn.PENDING_FOR));
        assertThatThrownBy(() -> secondStep.complete(pending, null, SecondFactorCodes.at(secret, later)))
                .extracting("messageKey").isEqualTo("login.second-factor.expired");

        PendingSignIn again = password(email);
        jdbc.update("update staff_account set security_stamp = security_stamp + 1 where email = ?", email);
        assertThatThrownBy(() -> secondStep.complete(again, null, SecondFactorCodes.at(secret, later)))
                .extracting("messageKey").isEqualTo("login.second-factor.expired");
    }
}
