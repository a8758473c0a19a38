package fr.rdvnumerique.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.security.SecondFactorCodes;
import fr.rdvnumerique.base.security.SecondFactorRequiredException;
import fr.rdvnumerique.base.security.StaffAccountProvisioning;
import fr.rdvnumerique.base.security.StaffPrincipal;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * « Code de validation », the sign-in's second step, through the screen: the password posted to the login form left
 * a pending sign-in in the session (as Spring Security leaves its failures); the sign-in page hands it to the code
 * page, where the code opens the session, and an administrator without a second factor sets it up first.
 */
@IntegrationTest
class SecondFactorViewTest extends SpringBrowserlessTest {

    private static final String PASSWORD = "phrase de passe du code";

    @Autowired AuthenticationProvider passwords;
    @Autowired StaffAccountProvisioning provisioning;
    @Autowired TransactionTemplate transactions;
    @Autowired TerritoryFixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired SecurityContextHolderStrategy securityContexts;

    @AfterEach
    void signOut() {
        securityContexts.clearContext();
        SecurityContextHolder.clearContext();
    }

    /** What the login form's POST does: the password checked, the pending sign-in left for the page. */
    private void postPassword(String email) {
        try {
            passwords.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, PASSWORD));
            throw new AssertionError("signed in by the password alone");
        } catch (SecondFactorRequiredException pending) {
            VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, pending);
        }
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
    }

    private void submit(String code) {
        test($(TextField.class).id("second-factor-code")).setValue(code);
        test($(Button.class).id("second-factor-submit")).click();
    }

    private StaffPrincipal signedIn() {
        var stored = VaadinSession.getCurrent().getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (stored instanceof SecurityContext context && context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof StaffPrincipal staff) {
            return staff;
        }
        return null;
    }

    @Test
    void a_coordinator_types_the_code_of_their_app_after_the_password() {
        var territory = fixtures.create("Code");
        String email = "code" + System.nanoTime() + "@exemple.fr";
        transactions.executeWithoutResult(s -> provisioning.provision(email, "Alix Code", PASSWORD,
                EnumSet.of(Role.COORDINATOR), territory.structureId(), null));
        String secret = SecondFactorCodes.enrol(jdbc, email);

        postPassword(email);
        assertThat(getCurrentView()).isInstanceOf(SecondFactorView.class);
        assertThat(signedIn()).as("nothing granted by the password alone").isNull();

        String right = SecondFactorCodes.now(secret);
        submit(String.format("%06d", (Integer.parseInt(right) + 500_000) % 1_000_000));
        var code = $(TextField.class).id("second-factor-code");
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).isEqualTo("Ce code n’est pas le bon, ou il a expiré. Écrivez le code affiché "
                + "en ce moment par votre application (il change toutes les 30 secondes).");
        assertThat(signedIn()).isNull();

        submit(right.substring(0, 3) + " " + right.substring(3));
        assertThat(signedIn()).as("the session's security context").isNotNull()
                .extracting(StaffPrincipal::getUsername).isEqualTo(email);
        assertThat(securityContexts.getContext().getAuthentication().getAuthorities()).extracting(Object::toString)
                .contains("ROLE_COORDINATOR");
    }

    @Test
    void an_administrator_without_a_second_factor_sets_it_up_before_anything_else() {
        String email = "admin.code" + System.nanoTime() + "@exemple.fr";
        transactions.executeWithoutResult(s -> provisioning.provision(email, "Sacha Administration", PASSWORD,
                EnumSet.of(Role.ADMIN), null, null));

        postPassword(email);
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains("Les comptes d’administration "
                + "sont protégés par une validation en deux étapes. Activez-la maintenant : vous aurez accès à l’espace "
                + "des équipes juste après.");
        String shown = $(Span.class).id("second-factor-secret").getText();
        assertThat($(Button.class).id("second-factor-submit").getText()).isEqualTo("Confirmer et activer");

        submit(SecondFactorCodes.now(shown));
        assertThat(signedIn()).isNotNull().extracting(StaffPrincipal::getUsername).isEqualTo(email);
        assertThat(SecondFactorCodes.secretOf(jdbc, email)).isEqualTo(shown.replace(" ", ""));
    }

    @Test
    void without_a_pending_sign_in_the_page_sends_back_to_the_password() {
        navigate(SecondFactorView.class);
        assertThat($(Paragraph.class).id("second-factor-error").getText()).isEqualTo("La connexion a pris trop de "
                + "temps, ou votre compte a changé entre-temps. Connectez-vous à nouveau avec votre mot de passe.");
        assertThat($(TextField.class).all()).isEmpty();
    }
}
