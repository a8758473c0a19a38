package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.testing.BrowserTest;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In a real browser: an administrator works in the accounts screen (Vaadin requests, services checked by role), and
 * the next click after the account is deactivated, or after 30 minutes without an action, lands on the sign-in page,
 * which says why in French and offers to sign in again.
 */
class StaffSessionJourneyIT extends BrowserTest {

    private static final String PASSWORD = "phrase de passe du parcours";

    @Autowired StaffAccountProvisioning provisioning;
    @Autowired StaffAccountService accounts;
    @Autowired StaffSessions sessions;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        sessions.useClock(null);
        StaffLogin.signOut();
        signOut();
    }

    private String newAdmin(String name) {
        String email = "parcours" + System.nanoTime() + "@exemple.fr";
        transactions.executeWithoutResult(s -> provisioning.provision(email, name, PASSWORD, EnumSet.of(Role.ADMIN),
                null, null));
        return email;
    }

    private void workInTheAccountsScreen(String name) {
        open("staff/comptes");
        waitForText(name);
        driver.findElement(By.xpath("//vaadin-button[contains(., 'Créer un compte')]")).click();
        waitForVaadin();
        waitFor(By.xpath("//vaadin-button[contains(., 'Annuler')]")).click();
        waitForVaadin();
    }

    private void clickAndLandOnTheSignInPage(String message) {
        driver.findElement(By.xpath("//vaadin-button[contains(., 'Créer un compte')]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until((WebDriver d) -> d.getCurrentUrl().endsWith("/login"));
        waitForVaadin();
        waitForText(message);
        assertThat(driver.findElements(By.cssSelector("vaadin-login-form input[name='username']")))
                .as("the form to sign in again").isNotEmpty();
        screenshot("session-ended");
    }

    @Test
    void the_next_click_after_the_account_is_deactivated_lands_on_the_sign_in_page() {
        String name = "Dominique Parcours " + System.nanoTime();
        String email = newAdmin(name);
        signIn(email, PASSWORD);
        workInTheAccountsScreen(name);

        StaffLogin.admin();
        accounts.setActive(jdbc.queryForObject("select id from staff_account where email = ?", Long.class, email), false);

        clickAndLandOnTheSignInPage("Votre session a pris fin : votre compte a été modifié");
        assertAccessible("sign-in page after a revoked session");
    }

    @Test
    void the_next_click_after_thirty_idle_minutes_lands_on_the_sign_in_page() {
        String name = "Camille Parcours " + System.nanoTime();
        signIn(newAdmin(name), PASSWORD);
        workInTheAccountsScreen(name);

        sessions.useClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(31)));
        clickAndLandOnTheSignInPage("Votre session a pris fin après 30 minutes sans action");
    }
}
