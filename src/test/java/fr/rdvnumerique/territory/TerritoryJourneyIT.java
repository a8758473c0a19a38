package fr.rdvnumerique.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.security.StaffAccountProvisioning;
import fr.rdvnumerique.testing.BrowserTest;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Staff sign in, add a place, and residents see it on the portal; every page passes the accessibility scan. */
class TerritoryJourneyIT extends BrowserTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired StaffAccountProvisioning accounts;
    @Autowired TransactionTemplate transactions;

    @Test
    void a_coordinator_adds_a_place_and_the_public_portal_shows_it() {
        var territory = fixtures.create("Parcours");
        String email = "coordination@" + territory.slug() + ".example.org";
        transactions.executeWithoutResult(s -> accounts.provision(email, "Dominique Parcours", "mot de passe du test",
                EnumSet.of(Role.COORDINATOR), territory.structureId(), null));

        open("login");
        screenshot("01-login");
        assertAccessible("login");
        signIn(email, "mot de passe du test");
        assertThat(driver.getCurrentUrl()).endsWith("/staff");
        assertThat(bodyText()).as("the staff menu, in the staff layout").contains("Lieux", "Communes", "Conventions", "Se déconnecter");
        screenshot("02-staff-home");
        assertAccessible("staff home");

        open("staff/lieux");
        click("grid-add");
        type("place-name", "Tiers-lieu de la Gare");
        type("place-address", "5 avenue de la Gare");
        type("place-transport", "Train TER, gare à 200 m");
        screenshot("03-place-form");
        assertAccessible("place form");
        click("editor-save");
        waitForText("Tiers-lieu de la Gare");
        screenshot("04-places");
        assertAccessible("staff places");

        signOut();
        fixtures.create("Voisin");
        open("");
        waitForText("Choisissez votre secteur");
        assertThat(bodyText()).contains("Tiers-lieu de la Gare", "5 avenue de la Gare");
        screenshot("05-home-chooser");
        assertAccessible("portal home with several territories");

        open("territoire/" + territory.slug());
        waitForText("Tiers-lieu de la Gare");
        assertThat(bodyText()).contains("5 avenue de la Gare", "Pour venir : Train TER, gare à 200 m");
        screenshot("06-public-portal");
        assertAccessible("public territory page");

        resize(390, 844);
        open("territoire/" + territory.slug());
        screenshot("07-public-portal-phone");
        assertAccessible("public territory page on a phone");
    }
}
