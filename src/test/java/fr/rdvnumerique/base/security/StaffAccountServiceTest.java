package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** Administrators and coordinators manage accounts (by invitation); an account stands only for an advisor of its own structure; everyone changes their own password. */
@IntegrationTest
class StaffAccountServiceTest {

    private static final String PASSWORD = "une longue phrase de passe";

    @Autowired StaffAccountService accounts;
    @Autowired StaffAccountRepository repository;
    @Autowired TerritoryFixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuthenticationProvider signIn;
    @Autowired LoginThrottle throttle;
    @Autowired StaffSessions sessions;
    @Autowired org.springframework.security.crypto.password.PasswordEncoder encoder;

    TerritoryFixtures.TestTerritory ludres;
    TerritoryFixtures.TestTerritory saintUsage;

    @BeforeEach
    void setUp() {
        ludres = fixtures.create("Comptes Ludres");
        saintUsage = fixtures.create("Comptes Saint-Usage", "21577");
        StaffLogin.admin();
    }

    @AfterEach
    void tearDown() {
        StaffLogin.signOut();
        throttle.reset();
    }

    private static String email(String who) {
        return who + System.nanoTime() + "@exemple.fr";
    }

    private StaffAccountForm advisorForm(String email, long structureId, Long advisorId) {
        return new StaffAccountForm(email, "Camille Rivière", EnumSet.of(Role.ADVISOR), structureId, advisorId);
    }

    @Test
    void creating_changing_resetting_and_deactivating_an_account_leave_audit_entries_without_passwords() {
        String address = email("journal");
        long id = accounts.invite(advisorForm(address, ludres.structureId(), null));
        var loaded = accounts.load(id);
        accounts.update(id, loaded.version(), new StaffAccountForm(address, "Camille Rivière",
                EnumSet.of(Role.ADVISOR, Role.COORDINATOR), ludres.structureId(), null));
        accounts.sendPasswordLink(id);
        loaded = accounts.load(id);
        accounts.update(id, loaded.version(), new StaffAccountForm(address, "Camille Rivière-Petit",
                loaded.value().roles(), ludres.structureId(), null));
        accounts.setActive(id, false);

        var entries = jdbc.queryForList("select kind, structure_id, changes from audit_entry "
                + "where record_type = 'STAFF_ACCOUNT' and record_id = ? order by id", id);
        assertThat(entries).extracting(row -> row.get("kind")).containsExactly("ACCOUNT_CREATED", "ROLES_CHANGED",
                "PASSWORD_LINK_SENT", "ACCOUNT_CHANGED", "ACCOUNT_CHANGED");
        assertThat(entries).allSatisfy(row -> assertThat(row.get("structure_id")).isEqualTo(ludres.structureId()));
        assertThat(entries.get(1).get("changes").toString()).contains("ADVISOR,COORDINATOR");
        assertThat(entries.get(3).get("changes").toString()).contains("Camille Rivière-Petit");
        assertThat(entries.get(4).get("changes").toString()).contains("active");
        assertThat(entries).allSatisfy(row -> assertThat(String.valueOf(row.get("changes")))
                .doesNotContain(PASSWORD, "remis à zéro", "bcrypt", address));
    }

    @Test
    void an_account_stands_for_an_advisor_of_its_own_structure_only() {
        long id = accounts.invite(advisorForm(email("camille"), ludres.structureId(), ludres.advisorId()));
        assertThat(accounts.load(id).value().advisorId()).isEqualTo(ludres.advisorId());

        assertThatThrownBy(() -> accounts.invite(advisorForm(email("intrus"), ludres.structureId(), saintUsage.advisorId())))
                .isInstanceOf(BusinessRuleException.class).extracting("messageKey")
                .isEqualTo("staff.account.advisor.other-structure");
        var loaded = accounts.load(id);
        assertThatThrownBy(() -> accounts.update(id, loaded.version(), new StaffAccountForm(loaded.value().email(),
                "Camille", loaded.value().roles(), saintUsage.structureId(), ludres.advisorId())))
                .extracting("messageKey").isEqualTo("staff.account.advisor.other-structure");
        assertThat(accounts.load(id).value().structureId()).isEqualTo(ludres.structureId());
    }

    @Test
    void the_database_refuses_an_account_standing_for_another_structure_s_advisor() {
        long id = accounts.invite(advisorForm(email("camille"), ludres.structureId(), null));
        assertThatThrownBy(() -> jdbc.update("update staff_account set advisor_id = ? where id = ?", saintUsage.advisorId(), id))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("update staff_account set structure_id = null, advisor_id = ? where id = ?",
                ludres.advisorId(), id)).isInstanceOf(DataIntegrityViolationException.class);
        jdbc.update("update staff_account set advisor_id = ? where id = ?", ludres.advisorId(), id);
    }

    @Test
    void an_edit_made_on_an_old_version_of_the_account_is_refused() {
        long id = accounts.invite(advisorForm(email("alix"), ludres.structureId(), null));
        var loaded = accounts.load(id);
        accounts.update(id, loaded.version(), new StaffAccountForm(loaded.value().email(), "Alix Martin",
                EnumSet.of(Role.COORDINATOR), ludres.structureId(), null));
        assertThatThrownBy(() -> accounts.update(id, loaded.version(), new StaffAccountForm(loaded.value().email(),
                "Alix M.", EnumSet.of(Role.ADVISOR), ludres.structureId(), null)))
                .extracting("messageKey").isEqualTo("error.concurrent-change");
        assertThat(accounts.load(id).value().displayName()).isEqualTo("Alix Martin");
        assertThat(accounts.load(id).value().roles()).containsExactly(Role.COORDINATOR);
    }

    @Test
    void one_address_one_account() {
        String address = email("double");
        accounts.invite(advisorForm(address, ludres.structureId(), null));
        assertThatThrownBy(() -> accounts.invite(advisorForm(address.toUpperCase(), ludres.structureId(), null)))
                .extracting("messageKey").isEqualTo("staff.account.email.taken");
    }

    @Test
    void staff_change_their_own_password_after_giving_the_current_one() {
        String address = email("sacha");
        long id = accounts.invite(advisorForm(address, saintUsage.structureId(), saintUsage.advisorId()));
        choosePassword(id, PASSWORD);
        signInAs(id);

        assertThatThrownBy(() -> accounts.changeOwnPassword("pas le bon mot de passe", "une toute nouvelle phrase"))
                .extracting("messageKey").isEqualTo("staff.password.wrong-current");
        assertThatThrownBy(() -> accounts.changeOwnPassword(PASSWORD, "court"))
                .extracting("messageKey").isEqualTo("staff.password.too-short");
        assertThatThrownBy(() -> accounts.changeOwnPassword(PASSWORD, PASSWORD))
                .extracting("messageKey").isEqualTo("staff.password.same-as-current");

        accounts.changeOwnPassword(PASSWORD, "une toute nouvelle phrase");
        assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(address,
                "une toute nouvelle phrase")).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(address, PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void guessing_the_current_password_is_slowed_like_guessing_at_the_sign_in_page() {
        var now = java.time.Instant.now();
        sessions.useClock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        try {
            String address = email("devine");
            long id = accounts.invite(advisorForm(address, ludres.structureId(), null));
            choosePassword(id, PASSWORD);
            signInAs(id);
            for (int i = 0; i <= SignInDelay.FREE_FAILURES; i++) {
                int attempt = i;
                assertThatThrownBy(() -> accounts.changeOwnPassword("essai " + attempt, "une toute nouvelle phrase"))
                        .extracting("messageKey").isEqualTo("staff.password.wrong-current");
            }
            assertThatThrownBy(() -> accounts.changeOwnPassword(PASSWORD, "une toute nouvelle phrase"))
                    .as("even the right one, for a moment").extracting("messageKey").isEqualTo("login.wait");
            sessions.useClock(java.time.Clock.fixed(now.plusSeconds(2), java.time.ZoneOffset.UTC));
            accounts.changeOwnPassword(PASSWORD, "une toute nouvelle phrase");
        } finally {
            sessions.useClock(null);
        }
    }

    @Test
    void a_lost_second_factor_is_removed_by_someone_else_never_by_oneself_here() {
        long admin = accounts.invite(new StaffAccountForm(email("admin"), "Admin Perdu", EnumSet.of(Role.ADMIN), null, null));
        long advisor = accounts.invite(advisorForm(email("conseil"), saintUsage.structureId(), null));
        jdbc.update("update staff_account set totp_secret = 'secret' where id in (?, ?)", admin, advisor);

        signInAs(admin);
        assertThatThrownBy(() -> accounts.resetSecondFactor(admin)).extracting("messageKey")
                .isEqualTo("staff.second-factor.reset-own");
        StaffLogin.coordinator(ludres.structureId());
        assertThatThrownBy(() -> accounts.resetSecondFactor(advisor))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        StaffLogin.coordinator(saintUsage.structureId());
        accounts.resetSecondFactor(advisor);
        assertThat(repository.findById(advisor).orElseThrow().hasSecondFactor()).isFalse();
        StaffLogin.admin();
        accounts.resetSecondFactor(admin);
        assertThat(repository.findById(admin).orElseThrow().hasSecondFactor())
                .as("set up again at the next sign-in").isFalse();
    }

    /** As if the person had chosen it through their invitation (StaffPasswordLinksTest covers the link itself). */
    private void choosePassword(long accountId, String password) {
        jdbc.update("update staff_account set password_hash = ? where id = ?", encoder.encode(password), accountId);
    }

    /** Signed in as a real account (StaffLogin's principals have no row). */
    private void signInAs(long accountId) {
        var account = repository.findById(accountId).orElseThrow();
        var principal = new StaffPrincipal(account, true, java.time.Instant.now());
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
    }
}
