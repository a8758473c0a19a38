package fr.rdvnumerique.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.security.StaffAccountProvisioning;
import fr.rdvnumerique.testing.BrowserTest;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A coordinator fills the legal pages in a real browser; the published pages and their footer pass axe. */
class LegalPagesIT extends BrowserTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired StaffAccountProvisioning accounts;
    @Autowired TransactionTemplate transactions;

    @Test
    void a_coordinator_completes_the_legal_pages_and_residents_read_them_from_every_footer() {
        var territory = fixtures.create("Legal");
        String email = "coordination@" + territory.slug() + ".example.org";
        transactions.executeWithoutResult(s -> accounts.provision(email, "Dominique Légal", "mot de passe du test",
                EnumSet.of(Role.COORDINATOR), territory.structureId(), null));

        open("login");
        assertThat(driver.findElement(By.id("legal-accessibility")).getText()).startsWith("Accessibilité : ");
        signIn(email, "mot de passe du test");
        open("staff/pages-legales");
        type("legal-director", "Marie Dupont, maire");
        type("legal-dpo", "dpd@legal.example.org");
        screenshot("01-editor");
        assertAccessible("legal pages editor");
        // The form is long: bring the button to the middle of the window, away from the sticky header.
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('legal-save').scrollIntoView({block: 'center'})");
        click("legal-save");
        waitForText("Les pages légales sont enregistrées.");
        signOut();

        for (String page : new String[] {"mentions-legales", "donnees-personnelles", "accessibilite"}) {
            open("territoire/" + territory.slug() + "/" + page);
            waitFor(By.id("legal-title"));
            assertThat(driver.findElements(By.tagName("h1"))).hasSize(1);
            assertThat(driver.findElements(By.tagName("main"))).hasSize(1);
            assertThat(driver.findElements(By.tagName("footer"))).isNotEmpty();
            assertThat(driver.findElement(By.id("legal-accessibility")).getText()).isEqualTo("Accessibilité : non conforme");
            screenshot("02-" + page);
            assertAccessible("legal page " + page);
        }
        assertThat(bodyText()).contains("Défenseur des droits", "Aucun audit de conformité");
        open("territoire/" + territory.slug() + "/donnees-personnelles");
        waitFor(By.id("legal-title"));
        assertThat(bodyText()).contains("dpd@legal.example.org", "CNIL", "JSESSIONID", "12 mois");
    }
}
