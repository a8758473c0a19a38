package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.BrowserTest;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second factor in a real browser (ADR 020): an administrator sets it up at the first sign-in and types a code at
 * the next; a coordinator turns it on in « Mon compte ». Every page checked with axe and photographed.
 */
class SecondFactorJourneyIT extends BrowserTest {

    private static final String PASSWORD = "phrase de passe du parcours";

    @Autowired StaffAccountProvisioning provisioning;
    @Autowired TransactionTemplate transactions;
    @Autowired TerritoryFixtures fixtures;
    @Autowired JdbcTemplate jdbc;

    private void typePassword(String email) {
        open("login");
        waitFor(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys(email);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/login/code"));
        waitFor(By.cssSelector("#second-factor-code input"));
        waitForVaadin();
    }

    private void landOnTheStaffHome() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/staff"));
        waitForVaadin();
    }

    @Test
    void an_administrator_sets_the_second_factor_up_at_the_first_sign_in_and_types_a_code_at_the_next() {
        String email = "admin.parcours" + System.nanoTime() + "@exemple.fr";
        transactions.executeWithoutResult(s -> provisioning.provision(email, "Sacha Parcours", PASSWORD,
                EnumSet.of(Role.ADMIN), null, null));

        typePassword(email);
        waitForText("Les comptes d’administration sont protégés");
        screenshot("01-admin-setup");
        assertAccessible("second factor set-up at sign-in");
        open("staff/mon-compte");
        assertThat(driver.getCurrentUrl()).as("nothing else opens before the set-up").endsWith("/login");

        typePassword(email);
        String secret = driver.findElement(By.id("second-factor-secret")).getText();
        type("second-factor-code", SecondFactorCodes.now(secret));
        click("second-factor-submit");
        landOnTheStaffHome();

        signOut();
        typePassword(email);
        screenshot("02-code");
        assertAccessible("code page");
        type("second-factor-code", "000000".equals(SecondFactorCodes.now(secret)) ? "111111" : "000000");
        click("second-factor-submit");
        waitForText("Ce code n’est pas le bon");
        screenshot("03-wrong-code");
        type("second-factor-code", SecondFactorCodes.unspent(jdbc, email, secret));
        click("second-factor-submit");
        landOnTheStaffHome();
        open("staff/mon-compte");
        waitForText("obligatoire pour les comptes d’administration");
    }

    @Test
    void a_coordinator_turns_the_second_factor_on_in_my_account() {
        var territory = fixtures.create("Parcours deux étapes");
        String email = "coordination.parcours" + System.nanoTime() + "@exemple.fr";
        transactions.executeWithoutResult(s -> provisioning.provision(email, "Alix Parcours", PASSWORD,
                EnumSet.of(Role.COORDINATOR), territory.structureId(), null));
        signIn(email, PASSWORD);
        open("staff/mon-compte");
        click("second-factor-enable");
        waitFor(By.id("second-factor-qr"));
        screenshot("04-my-account-setup");
        assertAccessible("second factor set-up in my account");
        String secret = driver.findElement(By.id("second-factor-secret")).getText();
        type("second-factor-code", SecondFactorCodes.now(secret));
        click("second-factor-confirm");
        waitForText("Désactiver la validation en deux étapes");
        screenshot("05-my-account-on");
        assertAccessible("second factor on in my account");

        signOut();
        signIn(email, PASSWORD);
        assertThat(driver.getCurrentUrl()).as("signed in with the code").endsWith("/staff");
    }
}
