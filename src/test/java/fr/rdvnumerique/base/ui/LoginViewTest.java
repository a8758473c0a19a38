package fr.rdvnumerique.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import fr.rdvnumerique.base.security.LoginThrottledException;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.security.StaffAccountProvisioning;
import fr.rdvnumerique.base.security.StaffPrincipal;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sign-in page in French; signing in through the same provider the login form posts to (throttled, then
 * the staff home greets the person); and the "too many attempts" message.
 */
@IntegrationTest
class LoginViewTest extends SpringBrowserlessTest {

    @Autowired AuthenticationProvider signIn;
    @Autowired StaffAccountProvisioning provisioning;
    @Autowired TransactionTemplate transactions;
    @Autowired TerritoryFixtures fixtures;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_sign_in_page_speaks_french() {
        LoginView view = navigate(LoginView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Espace des équipes");
        assertThat(view.texts().getForm().getUsername()).isEqualTo("Adresse e-mail");
        assertThat(view.texts().getForm().getSubmit()).isEqualTo("Se connecter");
        assertThat($(LoginForm.class).single().isError()).isFalse();
        assertThat(view.getPageTitle()).isEqualTo("Espace des équipes – RDV Numérique");
    }

    @Test
    void after_a_wrong_password_the_form_says_so() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        LoginView view = (LoginView) getCurrentView();
        assertThat($(LoginForm.class).single().isError()).isTrue();
        assertThat(view.texts().getErrorMessage().getMessage())
                .isEqualTo("Adresse e-mail ou mot de passe incorrect. Vérifiez-les et réessayez.");
    }

    @Test
    void the_right_password_signs_a_coordinator_in_and_the_staff_home_greets_them() {
        var territory = fixtures.create("Connexion");
        String email = "Dominique." + System.nanoTime() + "@Exemple.fr";
        transactions.executeWithoutResult(s -> provisioning.provision(email, "Dominique Coordination",
                "mot de passe du test", EnumSet.of(Role.COORDINATOR), territory.structureId(), null));

        Authentication result = signIn.authenticate(attempt(email.toUpperCase(), "mot de passe du test", "192.0.2.41"));
        assertThat(result.isAuthenticated()).isTrue();
        var principal = (StaffPrincipal) result.getPrincipal();
        assertThat(principal.structureId()).isEqualTo(territory.structureId());
        assertThat(principal.has(Role.ADVISOR)).as("a coordinator can do what an advisor does").isTrue();

        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(result);
        SecurityContextHolder.setContext(context);
        navigate(StaffHomeView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Bonjour Dominique Coordination");
    }

    @Test
    void after_too_many_attempts_the_page_says_to_wait() {
        var territory = fixtures.create("Tentatives");
        String email = "tentatives" + System.nanoTime() + "@exemple.fr";
        transactions.executeWithoutResult(s -> provisioning.provision(email, "Alix Tentatives",
                "mot de passe du test", EnumSet.of(Role.ADVISOR), territory.structureId(), null));
        for (int i = 0; i < 5; i++) {
            int n = i;
            // Wrong passwords, then refused without checking while the account waits.
            assertThatThrownBy(() -> signIn.authenticate(attempt(email, "essai " + n, "192.0.2.42")))
                    .isInstanceOf(org.springframework.security.core.AuthenticationException.class);
        }
        // Even the right password waits a moment; Spring Security keeps the reason in the session.
        var refusal = org.assertj.core.api.Assertions.catchThrowable(
                () -> signIn.authenticate(attempt(email, "mot de passe du test", "192.0.2.42")));
        assertThat(refusal).isInstanceOf(LoginThrottledException.class);
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, refusal);

        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        Paragraph blocked = $(Paragraph.class).withClassName("login-blocked").single();
        assertThat(blocked.isVisible()).isTrue();
        assertThat(blocked.getText()).matches(
                "Plusieurs essais de mot de passe ont échoué : pour votre sécurité, attendez \\d+ secondes avant de réessayer\\.");
        assertThat($(LoginForm.class).single().isError()).as("not the wrong-password message").isFalse();
    }

    private static UsernamePasswordAuthenticationToken attempt(String email, String password, String address) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }
}
