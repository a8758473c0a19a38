package fr.rdvnumerique.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.testing.BrowserTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What anyone reaching the site by an address sees: an unknown page or a dead private link answers « Page
 * introuvable »-like French and the way back (never the staff sign-in page); the sign-in page is
 * French with one h1; the site has an icon.
 */
class PublicPagesIT extends BrowserTest {

    @Autowired AtelierFixtures fixtures;
    @Autowired RegistrationService registrations;

    private HttpResponse<String> get(String path) throws Exception {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknown_addresses_and_dead_private_links_answer_in_french_not_with_the_sign_in_page() throws Exception {
        TestAtelier atelier = fixtures.create("Adresses", 2, 5);
        String slug = atelier.territory().slug();
        var mine = (PlaceResult.Confirmed<Seats, Void>) registrations.register(
                AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        for (String path : new String[] {"/nimporte-quoi", "/territoire/inconnue/ateliers/plus/loin",
                "/territoire/inconnue", "/rendez-vous/" + SecretTokens.generate(),
                "/inscription/" + SecretTokens.generate(), "/inscription/" + SecretTokens.generate() + "/presence",
                "/rendez-vous/" + SecretTokens.generate() + "/presence", "/territoire/" + slug + "/ateliers/999999999",
                "/territoire/inconnue/rendez-vous", "/inscription/pas-un-jeton"}) {
            // Never sent to the staff sign-in page, and the address itself says it is dead.
            var response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
        // Living pages and files keep their 200.
        for (String path : new String[] {"/", "/territoire/" + slug, "/territoire/" + slug + "/ateliers",
                "/territoire/" + slug + "/ateliers/" + atelier.sessionId(), "/territoire/" + slug + "/rendez-vous",
                "/territoire/" + slug + "/mentions-legales", "/inscription/" + mine.managementToken(),
                "/inscription/" + mine.managementToken() + "/presence", "/login", "/favicon.ico"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }
        // The staff space still asks to sign in, known page or not.
        assertThat(get("/staff/nimporte-quoi").statusCode()).isEqualTo(302);
        assertThat(get("/staff/lieux").statusCode()).isEqualTo(302);

        open("nimporte-quoi");
        waitForText("Page introuvable");
        assertThat(driver.getCurrentUrl()).endsWith("/nimporte-quoi");
        assertThat(driver.findElements(By.tagName("h1"))).hasSize(1);
        driver.findElement(By.linkText("Revenir à l’accueil")).isDisplayed();
        screenshot("page-introuvable");
        assertAccessible("page introuvable");

        open("rendez-vous/" + SecretTokens.generate());
        waitForText("Rendez-vous introuvable");
    }

    @Test
    void the_sign_in_page_is_french_with_one_h1_and_the_site_has_an_icon() throws Exception {
        open("login");
        waitFor(By.cssSelector("vaadin-login-form vaadin-password-field"));
        String reveal = new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> (String) ((JavascriptExecutor) d)
                .executeScript("const f = document.querySelector('vaadin-login-form vaadin-password-field');"
                        + " const b = f && f.querySelector('[slot=reveal]');"
                        + " return b && b.getAttribute('aria-label') === 'Afficher le mot de passe'"
                        + " ? b.getAttribute('aria-label') : null;"));
        assertThat(reveal).isEqualTo("Afficher le mot de passe");
        Long headings = (Long) ((JavascriptExecutor) driver).executeScript(
                "const all = [...document.querySelectorAll('h1, [role=heading][aria-level=\"1\"]')];"
                        + " const form = document.querySelector('vaadin-login-form');"
                        + " const inner = form && form.shadowRoot ? [...form.shadowRoot.querySelectorAll("
                        + "'[role=heading][aria-level=\"1\"]')] : [];"
                        + " const wrapper = form && form.shadowRoot && form.shadowRoot.querySelector('vaadin-login-form-wrapper');"
                        + " const deeper = wrapper ? [...wrapper.querySelectorAll('[role=heading][aria-level=\"1\"]')] : [];"
                        + " return all.length + inner.length + deeper.length;");
        assertThat(headings).isEqualTo(1L);
        screenshot("connexion");
        assertAccessible("connexion");

        var icon = get("/favicon.ico");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(get("/images/favicon.svg").statusCode()).isEqualTo(200);
        assertThat((String) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('link[rel=icon]')?.getAttribute('href')")).isNotBlank();
    }
}
