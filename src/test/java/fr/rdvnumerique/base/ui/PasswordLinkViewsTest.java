package fr.rdvnumerique.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import fr.rdvnumerique.base.security.PasswordLinkMails;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.security.StaffAccountForm;
import fr.rdvnumerique.base.security.StaffAccountService;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.notification.MailServer;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** The pages a password link opens, and « Mot de passe oublié », filled in as a person does. */
@IntegrationTest
class PasswordLinkViewsTest extends SpringBrowserlessTest {

    @Autowired StaffAccountService accounts;
    @Autowired PasswordLinkMails mails;
    @Autowired TerritoryFixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuthenticationProvider signIn;
    @Autowired RateLimiter limiter;

    MailServer server;
    String email;
    long accountId;

    @BeforeEach
    void invite() {
        server = new MailServer().start();
        var territory = fixtures.create("Vue liens");
        StaffLogin.admin();
        email = "lien" + System.nanoTime() + "@exemple.fr";
        accountId = accounts.invite(new StaffAccountForm(email, "Dominique Lien", EnumSet.of(Role.ADVISOR),
                territory.structureId(), null));
        StaffLogin.signOut();
        mails.sendDue(server);
    }

    @AfterEach
    void close() {
        server.close();
        limiter.reset();
    }

    private String text(String id) {
        return $(Paragraph.class).id(id).getText();
    }

    @Test
    void the_invited_person_chooses_a_password_twice_and_a_refusal_keeps_the_form() {
        navigate("connexion/mot-de-passe/" + PasswordLinkMails.tokenFor(server, email), ChoosePasswordView.class);
        assertThat(text("password-link-intro")).contains("Bienvenue Dominique Lien", email);

        test($(PasswordField.class).id("password-link-new")).setValue("une phrase de passe choisie");
        test($(PasswordField.class).id("password-link-confirm")).setValue("une autre phrase de passe");
        test($(Button.class).id("password-link-save")).click();
        PasswordField confirm = $(PasswordField.class).id("password-link-confirm");
        assertThat(confirm.isInvalid()).isTrue();
        assertThat(confirm.getErrorMessage()).isEqualTo("Les deux saisies du nouveau mot de passe ne sont pas identiques.");

        // 40 accented letters: 40 characters but 80 bytes, more than BCrypt reads.
        test($(PasswordField.class).id("password-link-new")).setValue("é".repeat(40));
        test($(PasswordField.class).id("password-link-confirm")).setValue("é".repeat(40));
        test($(Button.class).id("password-link-save")).click();
        PasswordField password = $(PasswordField.class).id("password-link-new");
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).startsWith("Le mot de passe ne doit pas dépasser 72 octets");
        assertThat(password.getValue()).as("what was typed stays").isEqualTo("é".repeat(40));

        test($(PasswordField.class).id("password-link-new")).setValue("une phrase de passe choisie");
        test($(PasswordField.class).id("password-link-confirm")).setValue("une phrase de passe choisie");
        test($(Button.class).id("password-link-save")).click();
        assertThat(text("password-link-outcome")).startsWith("Votre mot de passe est enregistré.");
        assertThat($(Anchor.class).withText("Se connecter").single().isVisible()).isTrue();
        assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email,
                "une phrase de passe choisie")).isAuthenticated()).isTrue();
    }

    @Test
    void a_dead_link_says_so_shows_nothing_of_the_account_and_offers_a_new_one() {
        navigate("connexion/mot-de-passe/" + "x".repeat(43), ChoosePasswordView.class);
        assertThat(text("password-link-outcome")).startsWith("Ce lien ne fonctionne plus");
        assertThat($(PasswordField.class).all()).as("no form").isEmpty();
        assertThat($(Paragraph.class).all()).noneMatch(p -> "password-link-intro".equals(p.getId().orElse("")));
        assertThat($(Anchor.class).withText("Demander un nouveau lien").single().isVisible()).isTrue();
    }

    @Test
    void forgotten_password_sends_a_link_to_a_known_address_and_says_the_same_to_anyone() {
        jdbc.update("update staff_account_link set closed_at = now(), closed_reason = 'USED' where account_id = ?", accountId);
        navigate(ForgottenPasswordView.class);
        test($(EmailField.class).id("forgotten-email")).setValue("pas une adresse");
        test($(Button.class).id("forgotten-send")).click();
        assertThat($(EmailField.class).id("forgotten-email").isInvalid()).isTrue();

        test($(EmailField.class).id("forgotten-email")).setValue(email);
        test($(Button.class).id("forgotten-send")).click();
        String known = text("forgotten-outcome");
        assertThat(known).startsWith("Si un compte actif existe pour " + email);
        assertThat(jdbc.queryForObject("select purpose from staff_account_link where account_id = ? and closed_at is null",
                String.class, accountId)).isEqualTo("PASSWORD_RESET");

        String stranger = "inconnu" + System.nanoTime() + "@exemple.fr";
        test($(EmailField.class).id("forgotten-email")).setValue(stranger);
        test($(Button.class).id("forgotten-send")).click();
        assertThat(text("forgotten-outcome")).isEqualTo(known.replace(email, stranger));
    }
}
