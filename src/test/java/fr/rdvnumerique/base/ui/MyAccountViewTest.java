package fr.rdvnumerique.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.security.StaffAccountProvisioning;
import fr.rdvnumerique.base.security.StaffPrincipal;
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
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** « Mon compte »: staff change their own password. */
@IntegrationTest
class MyAccountViewTest extends SpringBrowserlessTest {

    private static final String PASSWORD = "mot de passe de départ";

    @Autowired StaffAccountProvisioning provisioning;
    @Autowired TransactionTemplate transactions;
    @Autowired AuthenticationProvider signIn;
    @Autowired TerritoryFixtures fixtures;
    @Autowired JdbcTemplate jdbc;

    String email;

    @BeforeEach
    void signInForReal() {
        var territory = fixtures.create("Mon compte");
        email = "camille" + System.nanoTime() + "@exemple.fr";
        transactions.executeWithoutResult(s -> provisioning.provision(email, "Camille Rivière", PASSWORD,
                EnumSet.of(Role.ADVISOR), territory.structureId(), territory.advisorId()));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, PASSWORD)));
        SecurityContextHolder.setContext(context);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void type(String current, String fresh, String again) {
        test($(PasswordField.class).id("password-current")).setValue(current);
        test($(PasswordField.class).id("password-new")).setValue(fresh);
        test($(PasswordField.class).id("password-confirm")).setValue(again);
        test($(Button.class).id("password-save")).click();
    }

    @Test
    void staff_change_their_password_and_sign_in_with_the_new_one() {
        navigate(MyAccountView.class);
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("Vous êtes connecté ou connectée en tant que Camille Rivière (" + email + ").");
        type(PASSWORD, "une nouvelle phrase de passe", "une nouvelle phrase de passe");

        assertThat($(PasswordField.class).id("password-current").getValue()).as("the form is emptied").isEmpty();
        assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email,
                "une nouvelle phrase de passe")).isAuthenticated()).isTrue();
        var principal = (StaffPrincipal) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        assertThat(principal.securityStamp()).as("this session goes on; the account's other sessions end")
                .isEqualTo(jdbc.queryForObject("select security_stamp from staff_account where email = ?", Long.class, email))
                .isPositive();
    }

    @Test
    void mistakes_are_explained_next_to_their_field_and_nothing_changes() {
        navigate(MyAccountView.class);
        type(PASSWORD, "une nouvelle phrase de passe", "une nouvelle phrase de pase");
        PasswordField confirmation = $(PasswordField.class).id("password-confirm");
        assertThat(confirmation.isInvalid()).isTrue();
        assertThat(confirmation.getErrorMessage()).isEqualTo("Les deux saisies du nouveau mot de passe ne sont pas identiques.");

        type(PASSWORD, "court", "court");
        assertThat($(PasswordField.class).id("password-new").getErrorMessage())
                .isEqualTo("Le mot de passe doit contenir au moins 12 caractères.");

        type("pas le bon mot de passe", "une nouvelle phrase de passe", "une nouvelle phrase de passe");
        PasswordField current = $(PasswordField.class).id("password-current");
        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo("Le mot de passe actuel n’est pas le bon.");
        assertThat($(PasswordField.class).id("password-new").isInvalid()).isFalse();

        assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, PASSWORD))
                .isAuthenticated()).as("the old password still works").isTrue();
    }

    @Autowired fr.rdvnumerique.base.security.SecondFactorSignIn secondStep;

    private String secretOf() {
        return fr.rdvnumerique.base.security.SecondFactorCodes.secretOf(jdbc, email);
    }

    private void typeCode(String id, String code) {
        test($(com.vaadin.flow.component.textfield.TextField.class).id(id)).setValue(code);
    }

    @Test
    void staff_turn_on_the_second_factor_with_a_code_from_the_secret_shown_then_turn_it_off() {
        navigate(MyAccountView.class);
        test($(Button.class).id("second-factor-enable")).click();
        var qr = $(com.vaadin.flow.component.html.Image.class).id("second-factor-qr");
        assertThat(qr.getSrc()).startsWith("data:image/png;base64,");
        assertThat(qr.getAlt()).get().asString().startsWith("QR code à scanner");
        String shown = $(com.vaadin.flow.component.html.Span.class).id("second-factor-secret").getText();
        assertThat(shown).matches("([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
        assertThat(secretOf()).as("nothing kept before a code").isNull();

        typeCode("second-factor-code", "123 45");
        test($(Button.class).id("second-factor-confirm")).click();
        var code = $(com.vaadin.flow.component.textfield.TextField.class).id("second-factor-code");
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).startsWith("Ce code ne correspond pas.");
        assertThat(secretOf()).isNull();

        typeCode("second-factor-code", fr.rdvnumerique.base.security.SecondFactorCodes.now(shown));
        test($(Button.class).id("second-factor-confirm")).click();
        assertThat(secretOf()).isEqualTo(shown.replace(" ", ""));
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("La validation en deux étapes est activée : à chaque connexion, après le mot de passe, un code "
                        + "de votre application vous est demandé.");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'SECOND_FACTOR_ENABLED' "
                + "and record_id = (select id from staff_account where email = ?)", Long.class, email)).isOne();

        // Turning it off: the password and a code, each refusal next to its field.
        test($(PasswordField.class).id("second-factor-password")).setValue("pas le bon mot de passe");
        typeCode("second-factor-disable-code", "000000");
        test($(Button.class).id("second-factor-disable")).click();
        assertThat($(PasswordField.class).id("second-factor-password").getErrorMessage())
                .isEqualTo("Le mot de passe actuel n’est pas le bon.");
        assertThat(secretOf()).isNotNull();

        test($(PasswordField.class).id("second-factor-password")).setValue(PASSWORD);
        typeCode("second-factor-disable-code", fr.rdvnumerique.base.security.SecondFactorCodes.unspent(jdbc, email,
                shown));
        test($(Button.class).id("second-factor-disable")).click();
        assertThat(secretOf()).isNull();
        assertThat($(Button.class).id("second-factor-enable").isVisible()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'SECOND_FACTOR_DISABLED' "
                + "and record_id = (select id from staff_account where email = ?)", Long.class, email)).isOne();
    }

    @Test
    void an_administrator_cannot_turn_the_second_factor_off() {
        String admin = "admin" + System.nanoTime() + "@exemple.fr";
        transactions.executeWithoutResult(s -> provisioning.provision(admin, "Sacha Administration", PASSWORD,
                EnumSet.of(Role.ADMIN), null, null));
        String secret = fr.rdvnumerique.base.security.SecondFactorCodes.enrol(jdbc, admin);
        fr.rdvnumerique.base.security.PendingSignIn pending;
        try {
            signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(admin, PASSWORD));
            throw new AssertionError("an administrator needs a code");
        } catch (fr.rdvnumerique.base.security.SecondFactorRequiredException next) {
            pending = next.pending();
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(secondStep.complete(pending, null,
                fr.rdvnumerique.base.security.SecondFactorCodes.now(secret)));
        SecurityContextHolder.setContext(context);

        navigate(MyAccountView.class);
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(
                "Elle est obligatoire pour les comptes d’administration et ne peut pas être désactivée.");
        assertThat($(Button.class).all()).extracting(Button::getId).map(id -> id.orElse(""))
                .doesNotContain("second-factor-disable", "second-factor-enable");
    }
}
