package fr.rdvnumerique.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.security.StaffAccountProvisioning;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.testing.BrowserTest;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resident finds an atelier, registers, sees the confirmation, and cancels through the private link; the
 * seat then goes to the first person waiting, as the staff's session screen shows. Every page is scanned
 * with axe-core.
 */
class AtelierJourneyIT extends BrowserTest {

    @Autowired AtelierFixtures fixtures;
    @Autowired RegistrationService registrations;
    @Autowired StaffAccountProvisioning accounts;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void find_register_see_the_confirmation_and_cancel_through_the_link() {
        TestAtelier atelier = fixtures.create("Parcours", 2, 5);
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        String slug = atelier.territory().slug();

        // Find it.
        resize(1280, 1000);
        open("territoire/" + slug + "/ateliers");
        waitForText("Découvrir sa tablette Parcours");
        assertThat(bodyText()).contains("Plus qu’une place", "Accès de plain-pied, sans marche.");
        screenshot("01-calendrier-liste");
        assertAccessible("calendrier (liste)");
        // Commune, place, theme and level come when asked for, the commune's box ready for typing.
        click("atelier-more-filters");
        waitForText("Niveau");
        assertThat(driver.findElements(By.cssSelector(".atelier-filters vaadin-combo-box"))).hasSize(2);
        screenshot("01b-calendrier-filtres");
        assertAccessible("calendrier (filtres)");
        click("atelier-view-semaine");
        if (!bodyText().contains("Découvrir sa tablette Parcours")) {
            click("atelier-next");
        }
        waitForText("Découvrir sa tablette Parcours");
        screenshot("02-calendrier-semaine");
        assertAccessible("calendrier (semaine)");
        click("atelier-view-liste");

        // Register.
        driver.findElement(By.linkText("Je m’inscris")).click();
        waitForVaadin();
        waitFor(By.id("atelier-first-name"));
        screenshot("03-formulaire");
        assertAccessible("formulaire d’inscription");
        type("atelier-first-name", "Marie-Hélène");
        type("atelier-last-name", "N'Diaye");
        type("atelier-email", AtelierFixtures.email("parcours"));
        // The themes come when asked for, in place of the button.
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('atelier-interests-open').scrollIntoView({block: 'center'})");
        screenshot("03a-formulaire-bouton-envies");
        click("atelier-interests-open");
        waitFor(By.id("atelier-interests"));
        screenshot("03b-formulaire-envies");
        assertAccessible("formulaire d’inscription, ce que je veux apprendre");
        click("atelier-submit");
        waitForText("C’est noté : votre place est réservée");
        screenshot("04-confirmation");
        assertAccessible("confirmation");

        // A third person now waits.
        var waiting = (PlaceResult.Waitlisted<Seats, Void>) registrations.register(
                AtelierFixtures.request(atelier.sessionId(), "Jean", "Dupont"));

        // Manage and cancel.
        click("atelier-manage-link");
        waitForText("Votre place est réservée.");
        screenshot("05-mon-inscription");
        assertAccessible("page privée");
        click("atelier-cancel");
        waitFor(By.id("atelier-cancel-confirm"));
        screenshot("06-confirmer-annulation");
        assertAccessible("confirmation d’annulation");
        click("atelier-cancel-confirm");
        waitForText("Votre inscription est annulée. Merci de nous avoir prévenus.");
        screenshot("07-annulee");
        assertAccessible("inscription annulée");
        assertThat(registrations.details(waiting.id()).status()).isEqualTo(RegistrationStatus.CONFIRMED);

        // On a phone.
        resize(390, 900);
        open("territoire/" + slug + "/ateliers?vue=mois&date="
                + atelier.start().atZone(ParisTime.ZONE).toLocalDate());
        waitForText("Découvrir sa tablette Parcours");
        screenshot("08-telephone-mois");
        assertAccessible("calendrier (mois, téléphone)");
        // Access and what to bring open in place, under the entry.
        var summary = driver.findElement(By.cssSelector(".atelier-entry-more summary"));
        summary.click();
        waitForText("À apporter : Votre tablette chargée");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", summary);
        screenshot("09-telephone-details");
        assertAccessible("calendrier (mois, détails ouverts)");
    }

    @Test
    void staff_see_the_session_with_its_lists() {
        TestAtelier atelier = fixtures.create("Parcours equipe", 1, 6);
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Jean", "Dupont"));
        String email = "coordination." + System.nanoTime() + "@test.example.org";
        new TransactionTemplate(transactions).executeWithoutResult(status -> accounts.provision(email, "Dominique Test",
                "mot-de-passe-de-test", EnumSet.of(Role.COORDINATOR), atelier.territory().structureId(), null));
        resize(1280, 1000);
        signInWithoutWaiting(email, "mot-de-passe-de-test");
        open("staff/ateliers/seance/" + atelier.sessionId());
        waitForText("1 place(s) réservée(s) sur 1 · 1 personne(s) en liste d’attente");
        screenshot("10-equipe-seance");
        click("roster-edit");
        waitFor(By.id("session-closes-hours"));
        screenshot("10b-equipe-modifier-seance");
        assertAccessible("modifier la séance");
        open("staff/ateliers");
        waitForText("Séances d’ateliers");
        screenshot("11-equipe-seances");
        signOut();
    }

    /** The login form; then straight to the page the test wants (the landing page after login is not ours). */
    private void signInWithoutWaiting(String email, String password) {
        open("login");
        waitFor(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys(email);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        driver.findElement(By.xpath("//vaadin-login-form//vaadin-button[contains(., 'Se connecter')]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
    }
}
