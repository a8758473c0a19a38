package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.security.StaffPasswordLinks.ResetAnswer;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.notification.MailServer;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Nobody types another person's password: an account is created with an invitation, a forgotten password gets a
 * one-time link, and each link works once, for a while, and only once it has left by mail.
 */
@IntegrationTest
class StaffPasswordLinksTest {

    private static final String CHOSEN = "ma phrase de passe choisie";

    @Autowired StaffAccountService accounts;
    @Autowired StaffPasswordLinks links;
    @Autowired PasswordLinkMails mails;
    @Autowired TerritoryFixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuthenticationProvider signIn;
    @Autowired LoginThrottle throttle;
    @Autowired RateLimiter limiter;
    @Autowired TestClock clock;

    MailServer server;
    TerritoryFixtures.TestTerritory ludres;

    @BeforeEach
    void setUp() {
        server = new MailServer().start();
        ludres = fixtures.create("Liens Ludres");
        StaffLogin.admin();
    }

    @AfterEach
    void tearDown() {
        StaffLogin.signOut();
        server.close();
        throttle.reset();
        limiter.reset();
        clock.reset();
    }

    private static String email(String who) {
        return who + System.nanoTime() + "@exemple.fr";
    }

    private long invite(String address) {
        return accounts.invite(new StaffAccountForm(address, "Camille Rivière", EnumSet.of(Role.ADVISOR),
                ludres.structureId(), null));
    }

    private boolean signsIn(String address, String password) {
        try {
            return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(address, password))
                    .isAuthenticated();
        } catch (BadCredentialsException e) {
            return false;
        }
    }

    @Test
    void an_invited_person_chooses_their_own_password_through_the_mailed_link_which_then_stops_working() throws Exception {
        String address = email("invitee");
        long id = invite(address);
        assertThat(links.awaitsFirstPassword(id)).isTrue();

        mails.sendDue(server);
        assertThat(PasswordLinkMails.mailsTo(server, address)).hasSize(1);
        var mail = PasswordLinkMails.mailsTo(server, address).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Votre compte RDV Numérique : choisissez votre mot de passe");
        assertThat(PasswordLinkMails.body(mail)).contains("Bonjour Camille Rivière", "valable 72 heures");
        String token = PasswordLinkMails.tokenFor(server, address);
        assertThat(jdbc.queryForObject("select count(*) from staff_account_link where token_hash = ?", Long.class, token))
                .as("only the token's hash is kept").isZero();

        var link = links.open(token).orElseThrow();
        assertThat(link.purpose()).isEqualTo(AccountLinkPurpose.INVITATION);
        assertThat(link.email()).isEqualTo(address);
        assertThatThrownBy(() -> links.choosePassword(token, "court")).extracting("messageKey")
                .isEqualTo("staff.password.too-short");
        links.choosePassword(token, CHOSEN);

        assertThat(signsIn(address, CHOSEN)).isTrue();
        assertThat(links.awaitsFirstPassword(id)).isFalse();
        assertThat(links.open(token)).as("used once").isEmpty();
        assertThatThrownBy(() -> links.choosePassword(token, "une autre phrase de passe")).extracting("messageKey")
                .isEqualTo("staff.link.dead");
        assertThat(jdbc.queryForList("select kind, changes from audit_entry where record_type = 'STAFF_ACCOUNT' "
                + "and record_id = ? order by id", id)).extracting(row -> row.get("kind"))
                .containsExactly("ACCOUNT_CREATED", "PASSWORD_CHANGED", "SIGN_IN");
    }

    @Test
    void before_its_invitation_is_used_an_account_lets_nobody_in() {
        String address = email("pending");
        invite(address);
        assertThat(signsIn(address, "")).isFalse();
        assertThat(signsIn(address, CHOSEN)).isFalse();
    }

    @Test
    void a_mail_server_outage_loses_no_invitation_and_leaves_no_working_link_behind() {
        server.stop();
        String address = email("outage");
        long id = invite(address);

        mails.sendDue(server);
        var row = jdbc.queryForMap("select attempts, token_hash, sent_at from staff_account_link where account_id = ?", id);
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("token_hash")).as("the failed mail's token is dropped").isNull();
        assertThat(row.get("sent_at")).isNull();

        server.start();
        mails.sendDue(server);
        assertThat(PasswordLinkMails.mailsTo(server, address)).as("not before the retry is due").isEmpty();
        clock.advance(Duration.ofMinutes(2));
        mails.sendDue(server);
        assertThat(PasswordLinkMails.mailsTo(server, address)).hasSize(1);
        links.choosePassword(PasswordLinkMails.tokenFor(server, address), CHOSEN);
        assertThat(signsIn(address, CHOSEN)).isTrue();
    }

    @Test
    void an_invitation_works_for_72_hours_and_a_forgotten_password_link_for_30_minutes() {
        String invited = email("late");
        invite(invited);
        mails.sendDue(server);
        String invitation = PasswordLinkMails.tokenFor(server, invited);
        clock.advance(Duration.ofHours(71));
        assertThat(links.open(invitation)).isPresent();
        clock.advance(Duration.ofHours(2));
        assertThat(links.open(invitation)).isEmpty();
        assertThatThrownBy(() -> links.choosePassword(invitation, CHOSEN)).extracting("messageKey")
                .isEqualTo("staff.link.dead");

        clock.reset();
        StaffLogin.admin();
        String forgetful = email("forgetful");
        invite(forgetful);
        mails.sendDue(server);
        links.choosePassword(PasswordLinkMails.tokenFor(server, forgetful), CHOSEN);
        assertThat(links.requestReset(forgetful.toUpperCase(), "192.0.2.10")).isEqualTo(ResetAnswer.SENT_IF_KNOWN);
        mails.sendDue(server);
        String reset = PasswordLinkMails.tokenFor(server, forgetful);
        assertThat(PasswordLinkMails.body(PasswordLinkMails.mailsTo(server, forgetful).getLast()))
                .contains("valable 30 minutes");
        clock.advance(Duration.ofMinutes(29));
        assertThat(links.open(reset)).get().extracting(PasswordLink::purpose).isEqualTo(AccountLinkPurpose.PASSWORD_RESET);
        clock.advance(Duration.ofMinutes(2));
        assertThat(links.open(reset)).isEmpty();
        assertThat(signsIn(forgetful, CHOSEN)).as("the old password still works").isTrue();
    }

    @Test
    void forgotten_password_answers_the_same_for_unknown_addresses_and_does_not_flood_a_mailbox() {
        String unknown = email("nobody");
        assertThat(links.requestReset(unknown, "192.0.2.20")).isEqualTo(ResetAnswer.SENT_IF_KNOWN);
        assertThatThrownBy(() -> links.requestReset("pas une adresse", "192.0.2.20")).extracting("messageKey")
                .isEqualTo("validation.email");

        String address = email("known");
        long id = invite(address);
        links.requestReset(address, "192.0.2.21");
        links.requestReset(address, "192.0.2.21");
        assertThat(jdbc.queryForObject("select count(*) from staff_account_link where account_id = ? and purpose = 'PASSWORD_RESET'",
                Long.class, id)).as("a second request within two minutes sends nothing more").isEqualTo(1);
        for (int i = 2; i < StaffPasswordLinks.RESET_REQUESTS_PER_HOUR; i++) {
            links.requestReset(unknown, "192.0.2.21");
        }
        assertThat(links.requestReset(address, "192.0.2.21")).isEqualTo(ResetAnswer.TOO_MANY_REQUESTS);
    }

    @Test
    void a_newer_link_replaces_the_older_one() {
        String address = email("twice");
        long id = invite(address);
        mails.sendDue(server);
        String first = PasswordLinkMails.tokenFor(server, address);
        accounts.sendPasswordLink(id);
        mails.sendDue(server);
        String second = PasswordLinkMails.tokenFor(server, address);
        assertThat(second).isNotEqualTo(first);
        assertThat(links.open(first)).isEmpty();
        assertThat(links.open(second)).get().extracting(PasswordLink::purpose)
                .as("still the first password: an invitation again").isEqualTo(AccountLinkPurpose.INVITATION);
    }

    @Test
    void a_coordinator_invites_the_advisors_of_their_structure_but_makes_no_administrator() {
        var other = fixtures.create("Liens ailleurs", "21577");
        StaffLogin.admin();
        long elsewhere = accounts.invite(new StaffAccountForm(email("ailleurs"), "Alix Ailleurs", EnumSet.of(Role.ADVISOR),
                other.structureId(), null));
        StaffLogin.coordinator(ludres.structureId());

        String address = email("advisor");
        long id = accounts.invite(new StaffAccountForm(address, "Sacha Conseil", EnumSet.of(Role.ADVISOR),
                other.structureId(), ludres.advisorId()));
        assertThat(jdbc.queryForObject("select structure_id from staff_account where id = ?", Long.class, id))
                .as("their own structure, whatever the form said").isEqualTo(ludres.structureId());
        assertThat(accounts.list(org.springframework.data.domain.PageRequest.of(0, 50)).getContent())
                .extracting(StaffAccountView::id).contains(id).doesNotContain(elsewhere);

        assertThatThrownBy(() -> accounts.invite(new StaffAccountForm(email("chef"), "Chef", EnumSet.of(Role.ADMIN),
                ludres.structureId(), null))).extracting("messageKey").isEqualTo("staff.account.admin-by-admins");
        assertThatThrownBy(() -> accounts.sendPasswordLink(elsewhere)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.setActive(elsewhere, false)).isInstanceOf(AccessDeniedException.class);
    }
}
