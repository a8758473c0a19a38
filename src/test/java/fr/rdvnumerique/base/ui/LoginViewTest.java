package fr.rdvnumerique.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import com.vaadin.flow.component.login.LoginForm;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

@IntegrationTest
class LoginViewTest extends SpringBrowserlessTest {

    @Test
    void the_sign_in_page_speaks_french() {
        LoginView view = navigate(LoginView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Espace des équipes");
        assertThat(view.texts().getForm().getUsername()).isEqualTo("Adresse e-mail");
        assertThat(view.texts().getForm().getSubmit()).isEqualTo("Se connecter");
        assertThat($(LoginForm.class).single().isError()).isFalse();
    }

    @Test
    void after_a_wrong_password_the_form_says_so() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        LoginView view = (LoginView) getCurrentView();
        assertThat($(LoginForm.class).single().isError()).isTrue();
        assertThat(view.texts().getErrorMessage().getMessage())
                .isEqualTo("Adresse e-mail ou mot de passe incorrect. Vérifiez-les et réessayez.");
    }
}
