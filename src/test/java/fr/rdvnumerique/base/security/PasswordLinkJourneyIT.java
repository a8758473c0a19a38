package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.notification.MailServer;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.BrowserTest;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In a real browser: a coordinator creates an advisor's account without typing any password; the advisor opens the
 * mailed invitation, chooses a password and signs in; later, « Mot de passe oublié » from the sign-in page.
 */
class PasswordLinkJourneyIT extends BrowserTest {

    private static final String COORDINATOR_PASSWORD = "phrase de passe de la coordination";
    private static final String CHOSEN = "la phrase que j’ai choisie";

    @Autowired StaffAccountProvisioning provisioning;
    @Autowired PasswordLinkMails mails;
    @Autowired TerritoryFixtures fixtures;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    MailServer server;

    @BeforeEach
    void mailServer() {
        server = new MailServer().start();
    }

    @AfterEach
    void cleanUp() {
        server.close();
        signOut();
    }

    @Test
    void a_coordinator_invites_an_advisor_who_chooses_a_password_and_later_asks_for_a_new_one() {
        var territory = fixtures.create("Parcours invitation");
        String coordinator = "coordination" + System.nanoTime() + "@exemple.fr";
        transactions.executeWithoutResult(s -> provisioning.provision(coordinator, "Claude Coordination",
                COORDINATOR_PASSWORD, EnumSet.of(Role.COORDINATOR), territory.structureId(), null));
        signIn(coordinator, COORDINATOR_PASSWORD);

        open("staff/comptes");
        waitForText("Claude Coordination");
        driver.findElement(By.xpath("//vaadin-button[contains(., 'Créer un compte')]")).click();
        waitForVaadin();
        String advisor = "conseil" + System.nanoTime() + "@exemple.fr";
        type("account-email", advisor);
        type("account-name", "Alix Conseil");
        screenshot("invite-dialog");
        driver.findElement(By.xpath("//vaadin-button[contains(., 'Enregistrer')]")).click();
        waitForVaadin();
        waitForText("Une invitation part vers " + advisor);
        waitForText("Invitation en attente");
        screenshot("accounts-with-invitation");
        assertAccessible("accounts screen");

        signOut();
        mails.sendDue(server);
        String token = PasswordLinkMails.tokenFor(server, advisor);
        open("connexion/mot-de-passe/" + token);
        waitForText("Bienvenue Alix Conseil");
        assertAccessible("choose-password page");
        type("password-link-new", CHOSEN);
        type("password-link-confirm", CHOSEN);
        screenshot("choose-password");
        click("password-link-save");
        waitForText("Votre mot de passe est enregistré");
        screenshot("password-chosen");

        signIn(advisor, CHOSEN);
        assertThat(driver.getCurrentUrl()).contains("/staff");
        signOut();

        open("login");
        driver.findElement(By.xpath("//vaadin-login-form//vaadin-button[contains(., 'Mot de passe oublié')]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().endsWith("/" + PasswordLinkPaths.FORGOTTEN));
        waitForVaadin();
        type("forgotten-email", advisor);
        click("forgotten-send");
        waitForText("Si un compte actif existe pour " + advisor);
        screenshot("forgotten-password");
        assertAccessible("forgotten-password page");
        mails.sendDue(server);
        open("connexion/mot-de-passe/" + PasswordLinkMails.tokenFor(server, advisor));
        waitForText("Choisissez un nouveau mot de passe");
        open("connexion/mot-de-passe/" + token);
        waitForText("Ce lien ne fonctionne plus");
        screenshot("dead-link");
    }
}
