package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.testing.BrowserTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser: a tab left open without a click for half an hour is signed out at its next click (its heartbeat
 * did not keep it alive), and the sign-in page says why; wrong passwords make the page ask to wait a few seconds.
 */
class StaffSessionJourneyIT extends BrowserTest {

    @Autowired TestClock clock;
    @Autowired LoginThrottle throttle;

    @AfterEach
    void reset() {
        clock.reset();
        throttle.reset();
        signOut();
    }

    @Test
    void after_thirty_minutes_without_a_click_the_next_click_leads_to_the_sign_in_page_which_says_why() {
        clock.set(Instant.now());
        signIn("admin@test.example.org", "test-admin-password");
        open("staff/mon-compte");
        waitFor(By.id("password-save"));
        clock.advance(Duration.ofMinutes(31));

        driver.findElement(By.id("password-save")).click();
        waitForText("Votre session a pris fin après 30 minutes sans action");
        waitForVaadin();
        assertThat(driver.getCurrentUrl()).contains("/login");
        WebElement message = waitFor(By.id("login-session-end"));
        assertThat(message.getText()).contains("Reconnectez-vous pour continuer.");
        assertThat(driver.findElements(By.cssSelector("vaadin-login-form"))).as("the form is there").hasSize(1);
        screenshot("signed-out-after-idle");
        assertAccessible("sign-in page after an idle session");

        open("login");
        assertThat(bodyText()).as("said once").doesNotContain("Votre session a pris fin");
    }

    @Test
    void wrong_passwords_make_the_sign_in_page_ask_to_wait_a_few_seconds() {
        clock.set(Instant.now());
        for (int i = 0; i < 3; i++) {
            open("login");
            waitFor(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("admin@test.example.org");
            driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("pas le bon " + i);
            driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().contains("error"));
            waitForVaadin();
        }
        open("login");
        waitFor(By.cssSelector("vaadin-login-form input[name='username']")).sendKeys("admin@test.example.org");
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("test-admin-password");
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
        waitForText("attendez une seconde avant de réessayer");
        screenshot("sign-in-asks-to-wait");
        assertAccessible("sign-in page asking to wait");

        clock.advance(Duration.ofSeconds(2));
        signIn("admin@test.example.org", "test-admin-password");
        assertThat(driver.getCurrentUrl()).contains("/staff");
    }
}
