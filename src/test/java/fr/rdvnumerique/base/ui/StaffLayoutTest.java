package fr.rdvnumerique.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Span;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The back-office frame around every staff screen. */
@IntegrationTest
class StaffLayoutTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures territories;

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    @Test
    void the_menu_ends_with_the_release_people_run() {
        StaffLogin.coordinator(territories.create("Version").structureId());
        navigate(StaffHomeView.class);
        // The pom's version, filled in by the build: a coordinator reporting a problem can say which release it is.
        assertThat($(Span.class).id("staff-version").getText()).matches("Version \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
