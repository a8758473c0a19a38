package fr.rdvnumerique.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.territory.KioskDevices;
import fr.rdvnumerique.testing.BrowserTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The kiosk in a real browser, landscape and portrait: four screens to register, a clean accessibility scan,
 * and measured sizes — every target at least 48 × 48 px with 8 px around it, body text at least 20 px.
 */
class KioskJourneyIT extends BrowserTest {

    /** Visible clickable things, their rectangles, and any that touch each other closer than 8 px. */
    private static final String MEASURE_TARGETS = """
            const selector = 'button, vaadin-button, a[href], input, vaadin-text-field, vaadin-email-field';
            const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0
                && getComputedStyle(e).visibility !== 'hidden'; };
            const all = [...document.querySelectorAll(selector)].filter(visible)
                .filter(e => !e.closest('vaadin-text-field, vaadin-email-field') || e.matches('vaadin-text-field, vaadin-email-field'));
            const small = all.map(e => ({e, r: e.getBoundingClientRect()}))
                .filter(x => x.r.width < 48 || x.r.height < 48)
                .map(x => (x.e.id || x.e.tagName) + ' ' + Math.round(x.r.width) + 'x' + Math.round(x.r.height));
            const close = [];
            for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) {
                const a = all[i].getBoundingClientRect(), b = all[j].getBoundingClientRect();
                if (all[i].contains(all[j]) || all[j].contains(all[i])) continue;
                const dx = Math.max(0, Math.max(a.left, b.left) - Math.min(a.right, b.right));
                const dy = Math.max(0, Math.max(a.top, b.top) - Math.min(a.bottom, b.bottom));
                if (dx < 8 && dy < 8) close.push((all[i].id || all[i].tagName) + ' / ' + (all[j].id || all[j].tagName));
            }
            const text = [...document.querySelectorAll('.kiosk-main p, .kiosk-main span, .kiosk-main h1, .kiosk-main h2, .kiosk-main label')]
                .filter(visible).filter(e => e.textContent.trim().length > 0)
                .map(e => ({e, size: parseFloat(getComputedStyle(e).fontSize)}))
                .filter(x => x.size < 20).map(x => x.e.tagName + ' "' + x.e.textContent.trim().slice(0, 30) + '" ' + x.size + 'px');
            for (const f of document.querySelectorAll('vaadin-text-field, vaadin-email-field')) {
                for (const part of ['label', 'helper-text', 'error-message', 'input-field']) {
                    const el = f.shadowRoot && f.shadowRoot.querySelector('[part~="' + part + '"]');
                    if (el && visible(el) && el.textContent.trim().length > 0 && parseFloat(getComputedStyle(el).fontSize) < 20) {
                        text.push((f.id || f.tagName) + ' ' + part + ' ' + getComputedStyle(el).fontSize);
                    }
                }
            }
            return {targets: all.length, small, close, text};
            """;

    @Autowired AtelierFixtures ateliers;
    @Autowired KioskDevices devices;

    @Test
    void landscape_a_senior_registers_alone_in_four_screens() {
        journey(1920, 1080, "paysage", "Marie-Hélène", "06 12 34 56 78");
    }

    @Test
    void portrait_the_same_journey_fits_a_standing_screen() {
        journey(1080, 1920, "portrait", "Jeanne", "06 98 76 54 32");
    }

    private void journey(int width, int height, String name, String firstName, String phone) {
        var atelier = ateliers.create("Kiosque " + name, 8);
        StaffLogin.coordinator(atelier.territory().structureId());
        String token = devices.enrol(atelier.territory().placeId(), "Borne " + name);
        StaffLogin.signOut();
        resize(width, height);

        open("kiosk/activer/" + token);
        click("kiosk-open");
        waitForText("Bonjour ! Que voulez-vous faire ?");
        assertThat(bodyText()).contains("Inscriptions – Médiathèque Kiosque " + name);
        check(name + "-1-accueil");

        click("kiosk-atelier");
        waitForText("Choisissez un atelier");
        check(name + "-2-choix");

        click("kiosk-session-" + atelier.sessionId());
        waitForText("Qui êtes-vous ?");
        type("kiosk-first-name", firstName);
        type("kiosk-last-name", "Martin");
        type("kiosk-phone", phone);
        assertThat(driver.findElement(By.cssSelector("#kiosk-phone input")).getAttribute("inputmode")).isEqualTo("tel");
        check(name + "-3-qui");

        click("kiosk-validate");
        waitForText("C’est fait : vous êtes inscrit !");
        check(name + "-4-termine");

        // The next person: "J'ai terminé" starts over with nothing of the previous one, even going back.
        click("kiosk-finish");
        waitForText("Bonjour ! Que voulez-vous faire ?");
        driver.navigate().back();
        waitForVaadin();
        assertThat(bodyText()).doesNotContain(firstName, phone, "C’est fait");
        open("kiosk");
        click("kiosk-atelier");
        click("kiosk-session-" + atelier.sessionId());
        assertThat(driver.findElement(By.cssSelector("#kiosk-first-name input")).getAttribute("value")).isEmpty();
        screenshot(name + "-5-personne-suivante");
    }

    @SuppressWarnings("unchecked")
    private void check(String screen) {
        screenshot(screen);
        assertAccessible("kiosk " + screen);
        var measured = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(MEASURE_TARGETS);
        assertThat(((Number) measured.get("targets")).intValue()).as("targets on " + screen).isPositive();
        assertThat((List<String>) measured.get("small")).as("targets under 48 × 48 px on " + screen).isEmpty();
        assertThat((List<String>) measured.get("close")).as("targets closer than 8 px on " + screen).isEmpty();
        assertThat((List<String>) measured.get("text")).as("text under 20 px on " + screen).isEmpty();
    }
}
