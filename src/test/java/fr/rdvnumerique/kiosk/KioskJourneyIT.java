package fr.rdvnumerique.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.security.StaffAccountProvisioning;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.notification.jobs.ReminderJob;
import fr.rdvnumerique.territory.KioskDevices;
import fr.rdvnumerique.testing.BrowserTest;
import fr.rdvnumerique.testing.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kiosk in a real browser, landscape 1920 × 1080 and portrait 1080 × 1920: every screen scanned with axe,
 * photographed, and measured — all visible text (shadow parts of the fields included: labels, helper texts,
 * error messages; button labels; the title bar) at least 20 px, every target at least 48 × 48 px and 8 px away
 * from any other. The back button never shows the previous person, neither after "J'ai terminé" nor after the
 * idle reset.
 */
class KioskJourneyIT extends BrowserTest {

    private static final int MIN_TEXT_PX = 20;
    private static final int MIN_TARGET_PX = 48;
    private static final int MIN_GAP_PX = 8;

    /** Every node of the page, shadow roots included (Vaadin's fields draw their label and messages there). */
    private static final String DEEP = """
            const roots = [];
            const walk = root => { roots.push(root); for (const e of root.querySelectorAll('*')) { if (e.shadowRoot) walk(e.shadowRoot); } };
            walk(document);
            const up = x => x.parentElement || (x.getRootNode && x.getRootNode().host) || null;
            const devTools = e => { for (let x = e; x; x = up(x)) { if (x.matches && x.matches('vaadin-dev-tools, copilot-main, vaadin-connection-indicator')) return true; } return false; };
            """;

    /** All visible text under 20 px; every target, too small or too close to another. */
    private static final String MEASURE = DEEP + """
            const minText = arguments[0], minTarget = arguments[1], minGap = arguments[2];
            const shown = r => r.width > 0 && r.height > 0;
            // Screen-reader only (Vaadin's live announcer): clipped to nothing, never seen.
            const srOnly = e => { for (let x = e; x; x = up(x)) { if (!x.getBoundingClientRect) continue;
                const st = getComputedStyle(x), r = x.getBoundingClientRect();
                if (st.clip === 'rect(0px, 0px, 0px, 0px)' || st.clipPath === 'inset(50%)'
                    || (r.width <= 1 && r.height <= 1 && st.overflow === 'hidden')) return true; } return false; };
            const small = [];
            let texts = 0;
            for (const root of roots) {
              const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                if (!n.textContent.trim()) continue;
                const el = n.parentElement || (n.parentNode && n.parentNode.host);
                if (!el || devTools(el) || el.closest('style, script, template, title, noscript') || srOnly(el)) continue;
                const range = document.createRange();
                range.selectNodeContents(n);
                if (![...range.getClientRects()].some(shown)) continue;
                const style = getComputedStyle(el);
                if (style.visibility === 'hidden' || parseFloat(style.opacity) === 0) continue;
                texts++;
                const size = parseFloat(style.fontSize);
                if (size < minText) {
                  const path = [];
                  for (let x = el; x && path.length < 4; x = up(x)) path.push(x.tagName.toLowerCase() + (x.id ? '#' + x.id : '') + (x.className && x.className.baseVal === undefined ? '.' + String(x.className).split(' ').join('.') : '') + (x.getAttribute && x.getAttribute('slot') ? '[slot=' + x.getAttribute('slot') + ']' : ''));
                  small.push('"' + n.textContent.trim().slice(0, 40) + '" ' + size + 'px in ' + path.join(' < '));
                }
              }
            }
            const fieldSel = 'vaadin-text-field, vaadin-email-field';
            const clickable = 'button, vaadin-button, a[href], [role="button"], input, textarea, select, ' + fieldSel;
            const targets = [];
            for (const root of roots) {
              for (const e of root.querySelectorAll(clickable)) {
                if (devTools(e)) continue;
                if (e.matches('input, textarea') && e.closest(fieldSel)) continue;
                const host = e.getRootNode().host;
                if (host && host.matches(fieldSel + ', vaadin-button')) continue;
                const box = e.matches(fieldSel) ? e.shadowRoot.querySelector('[part~="input-field"]') : e;
                const r = box.getBoundingClientRect();
                const style = getComputedStyle(e);
                if (!shown(r) || style.visibility === 'hidden') continue;
                // Covered (by the idle question): not a target now.
                const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
                if (cx >= 0 && cy >= 0 && cx < innerWidth && cy < innerHeight) {
                  const hit = document.elementFromPoint(cx, cy);
                  if (hit && hit !== e && !e.contains(hit) && !(hit.contains && hit.contains(e))) continue;
                }
                targets.push({name: e.id || e.tagName.toLowerCase() + ' "' + (e.textContent || '').trim().slice(0, 20) + '"', r, e});
              }
            }
            const tiny = targets.filter(t => t.r.width < minTarget || t.r.height < minTarget)
                .map(t => t.name + ' ' + Math.round(t.r.width) + 'x' + Math.round(t.r.height));
            const close = [];
            for (let i = 0; i < targets.length; i++) for (let j = i + 1; j < targets.length; j++) {
              const a = targets[i], b = targets[j];
              if (a.e.contains(b.e) || b.e.contains(a.e)) continue;
              const dx = Math.max(0, Math.max(a.r.left, b.r.left) - Math.min(a.r.right, b.r.right));
              const dy = Math.max(0, Math.max(a.r.top, b.r.top) - Math.min(a.r.bottom, b.r.bottom));
              if (dx < minGap && dy < minGap) close.push(a.name + ' / ' + b.name + ' (' + Math.round(Math.max(dx, dy)) + ' px)');
            }
            return {texts, small, targets: targets.length, tiny, close};
            """;

    /** What is typed anywhere on the page, shadow roots included (body text does not show input values). */
    private static final String TYPED = DEEP + """
            const values = [];
            for (const root of roots) for (const i of root.querySelectorAll('input, textarea')) if (i.value) values.push(i.value);
            return values;
            """;

    @Autowired AtelierFixtures ateliers;
    @Autowired AppointmentFixtures appointments;
    @Autowired KioskDevices devices;
    @Autowired RegistrationService registrations;
    @Autowired TestClock clock;
    @Autowired StaffAccountProvisioning accounts;
    @Autowired TransactionTemplate transactions;
    @Autowired ReminderJob reminderJob;
    @Autowired JdbcTemplate jdbc;

    static final String PASSWORD = "mot de passe de la borne";

    @AfterEach
    void resetClock() {
        clock.reset();
        resize(1280, 900);
    }

    @Test
    void landscape_a_senior_registers_alone_and_the_next_person_sees_nothing() {
        journey(1920, 1080, "paysage", "Marie-Hélène", "Lefèvre");
    }

    @Test
    void portrait_the_same_on_a_standing_screen() {
        journey(1080, 1920, "portrait", "Jeanne", "Dubreuil");
    }

    /**
     * As a new coordinator would: « Bornes » → « Équiper une borne » on the staff screen, the activation link opened
     * on the standing screen (1080 × 1920), and a senior registers there with a phone number only. The sessions
     * screen shows « Voir d'autres dates » without scrolling.
     */
    @Test
    void a_coordinator_equips_a_kiosk_from_the_staff_screen_and_a_senior_registers_on_it_with_a_phone_only() {
        clock.setParis(2026, 11, 30, 9, 0);
        var atelier = ateliers.create("Borne équipée", 8);
        long first = ateliers.session(atelier.territory(), atelier.workshopId(), ateliers.at(2, 9, 30), 8);
        for (int day = 3; day <= 9; day++) {
            ateliers.session(atelier.territory(), atelier.workshopId(), ateliers.at(day, 9, 30), 8);
        }
        String coordinator = "coordination@" + atelier.territory().slug() + ".example.org";
        transactions.executeWithoutResult(s -> accounts.provision(coordinator, "Dominique Bornes", PASSWORD,
                EnumSet.of(Role.COORDINATOR), atelier.territory().structureId(), null));

        resize(1280, 900);
        signIn(coordinator, PASSWORD);
        open("staff/bornes");
        click("grid-add");
        WebElement placeInput = waitFor(By.cssSelector("#kiosk-place input"));
        placeInput.sendKeys("Médiathèque Borne équipée");
        waitForVaadin();
        placeInput.sendKeys(Keys.ENTER);
        waitForVaadin();
        type("kiosk-label", "Borne de l’entrée");
        screenshot("equiper-1-formulaire");
        click("editor-save");
        String link = waitFor(By.id("kiosk-activation-link")).getAttribute("href");
        assertThat(link).contains("/kiosk/activer/");
        screenshot("equiper-2-lien");
        assertAccessible("équiper une borne");
        signOut();

        viewport(1080, 1920);
        // The link carries the public address (RDV_PUBLIC_URL); the test's server listens on its own port.
        open(link.substring(link.indexOf("/kiosk/activer/")));
        waitForText("Activer cette borne ?");
        click("kiosk-activate");
        waitForText("La borne est prête");
        click("kiosk-open");
        waitForText("Bonjour ! Que voulez-vous faire ?");
        assertThat(bodyText()).contains("Inscriptions – Médiathèque Borne équipée");

        click("kiosk-atelier");
        waitForText("Choisissez un atelier");
        screenshot("equiper-3-seances-portrait");
        assertThat(inSight("kiosk-more-sessions")).as("« Voir d'autres dates » in sight without scrolling").isTrue();
        click("kiosk-session-" + first);
        waitForText("Qui êtes-vous ?");
        // A landline: no mail, no text message; the staff will call her.
        long n = System.nanoTime() % 1_000_000;
        String phone = String.format("03 83 %02d %02d %02d", n / 10_000, (n / 100) % 100, n % 100);
        type("kiosk-first-name", "Germaine");
        type("kiosk-last-name", "Aubert");
        type("kiosk-phone", phone);
        click("kiosk-validate");
        waitForText("C’est fait : vous êtes inscrit !");
        assertThat(bodyText()).contains("Au nom de : Germaine Aubert");
        screenshot("equiper-4-inscrit");
        assertThat(ateliers.counts(first).confirmedRows()).isEqualTo(1);
        click("kiosk-finish");
        waitForText("Bonjour ! Que voulez-vous faire ?");
        nothingOf("Germaine", "Aubert", phone);

        // Two days before, the reminder is due: it replaces her confirmation call on the staff's « À appeler » list,
        // and the coordinator marks it done.
        await().atMost(Duration.ofSeconds(20)).until(() -> callsDue("CONFIRMATION") == 1);
        clock.setParis(2026, 11, 30, 9, 45);
        reminderJob.runOnce();
        await().atMost(Duration.ofSeconds(20)).until(() -> callsDue("REMINDER") == 1);
        viewport(1280, 900);
        signIn(coordinator, PASSWORD);
        open("staff/a-appeler");
        waitForText("Germaine Aubert");
        assertThat(bodyText()).contains("03 83", "Rappeler l’atelier « Découvrir sa tablette Borne équipée »")
                .doesNotContain("Confirmer sa place");
        screenshot("equiper-5-a-appeler");
        assertAccessible("à appeler");
        long call = jdbc.queryForObject("select id from call_task where person_name = 'Germaine Aubert'"
                + " and status = 'DUE' and kind = 'REMINDER'", Long.class);
        click("call-done-" + call);
        waitForText("Appel noté : Germaine Aubert est au courant.");
        assertThat(callsDue("REMINDER")).isZero();
        signOut();
    }

    private int callsDue(String kind) {
        return jdbc.queryForObject("select count(*) from call_task where person_name = 'Germaine Aubert'"
                + " and status = 'DUE' and kind = ?", Integer.class, kind);
    }

    @Test
    void kiosk_pages_are_never_stored_by_the_browser() throws Exception {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : List.of("/kiosk", "/kiosk/activer/unknown")) {
            var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().allValues("Cache-Control")).as(path).containsExactly("no-store");
        }
    }

    private void journey(int width, int height, String name, String firstName, String lastName) {
        // Monday 30 November 2026, 9:00, fixed: time moves only when the test says so (the idle question).
        clock.setParis(2026, 11, 30, 9, 0);
        var atelier = ateliers.create("Kiosque " + name, 8);
        long small = ateliers.session(atelier.territory(), atelier.workshopId(), ateliers.at(3, 10, 0), 1);
        ateliers.session(atelier.territory(), atelier.workshopId(), ateliers.at(2, 10, 0), 8,
                atelier.territory().secondPlaceId());
        long motif = appointments.motif(atelier.territory());
        appointments.motif(atelier.territory(), "Démarches en ligne", 60, 0, 24, 42, 2, false);
        appointments.open(atelier.territory(), DayOfWeek.TUESDAY, "09:00", "12:00");
        StaffLogin.coordinator(atelier.territory().structureId());
        String token = devices.enrol(atelier.territory().placeId(), "Borne " + name);
        StaffLogin.signOut();
        viewport(width, height);
        String phone = AppointmentFixtures.uniquePhone();

        // A browser that is not a kiosk: the explanation and nothing else.
        signOut();
        open("kiosk");
        waitForText("Cet écran n’est pas une borne d’inscription");
        assertThat(driver.findElements(By.cssSelector("vaadin-button, button, input"))).isEmpty();
        check(name + "-0-pas-une-borne", false);

        // Enrolment: opening the link uses nothing; the touch on « Activer » does, and takes it out of the history.
        open("kiosk/activer/" + token);
        waitForText("Activer cette borne ?");
        check(name + "-0b-activer", false);
        click("kiosk-activate");
        waitForText("La borne est prête");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/kiosk"));
        click("kiosk-open");
        waitForText("Bonjour ! Que voulez-vous faire ?");
        assertThat(bodyText()).contains("Inscriptions – Médiathèque Kiosque " + name);
        check(name + "-1-accueil", true);
        driver.navigate().back();
        settle();
        assertThat(driver.getCurrentUrl()).doesNotContain("activer");
        open("kiosk");
        waitForText("Bonjour ! Que voulez-vous faire ?");

        click("kiosk-larger-text");
        waitForText("Texte normal");
        check(name + "-1b-texte-plus-grand", true);
        click("kiosk-larger-text");
        waitForText("Texte plus grand");

        // The atelier path, four screens.
        click("kiosk-atelier");
        waitForText("Choisissez un atelier");
        assertThat(bodyText()).contains("Ailleurs sur le territoire");
        assertThat(bodyText().indexOf("Ici : Médiathèque Kiosque " + name))
                .isLessThan(bodyText().indexOf("Ailleurs sur le territoire"));
        check(name + "-2-choix", true);

        click("kiosk-session-" + atelier.sessionId());
        waitForText("Qui êtes-vous ?");
        assertThat(driver.findElement(By.cssSelector("#kiosk-phone input")).getAttribute("inputmode")).isEqualTo("tel");
        click("kiosk-validate");
        waitForText("Il faut compléter ou corriger : votre prénom, votre nom et votre numéro de téléphone.");
        check(name + "-3-qui-erreurs", true);
        type("kiosk-first-name", firstName);
        type("kiosk-last-name", lastName);
        type("kiosk-phone", phone);
        fieldAndValiderStayAboveTheKeyboard(width, height, name);
        click("kiosk-validate");
        waitForText("C’est fait : vous êtes inscrit !");
        assertThat(bodyText()).contains("Au nom de : " + firstName + " " + lastName);
        check(name + "-4-termine", true);

        // The next person: "J'ai terminé", then the back button: nothing of the previous one.
        click("kiosk-finish");
        waitForText("Bonjour ! Que voulez-vous faire ?");
        nothingOf(firstName, lastName, phone);

        // The last seat goes while someone types: asked, not imposed.
        click("kiosk-atelier");
        click("kiosk-session-" + small);
        waitForText("Qui êtes-vous ?");
        type("kiosk-first-name", "Paulette");
        type("kiosk-last-name", lastName);
        type("kiosk-phone", AppointmentFixtures.uniquePhone());
        registrations.register(AtelierFixtures.request(small, "Paul", "Web"));
        click("kiosk-validate");
        waitForText("La dernière place vient d’être prise");
        check(name + "-5-derniere-place-partie", true);
        click("kiosk-join-waiting-list");
        waitForText("Vous êtes sur la liste d’attente (position 1)");
        click("kiosk-finish");
        waitForText("Bonjour ! Que voulez-vous faire ?");

        // A minute without a touch: the question, then everything goes.
        click("kiosk-atelier");
        click("kiosk-session-" + atelier.sessionId());
        waitForText("Qui êtes-vous ?");
        type("kiosk-first-name", "Odette");
        type("kiosk-last-name", "Marchal");
        assertThat(typed()).contains("Odette", "Marchal");
        aMinuteWithoutATouch();
        waitForText("Avez-vous besoin de plus de temps ?");
        check(name + "-6-plus-de-temps", true);
        // The grace runs out. A keystroke that reached the server late counts as a touch at the moved time and
        // starts the watch again: the clock then moves on until the kiosk starts over (the page reloads).
        boolean home = false;
        for (int step = 0; step < 8 && !home; step++) {
            clock.advance(Duration.ofSeconds(30));
            try {
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.findElements(By.id("kiosk-first-name"))
                        .isEmpty() && d.findElement(By.tagName("body")).getText().contains("Bonjour ! Que voulez-vous faire ?"));
                home = true;
            } catch (org.openqa.selenium.TimeoutException notYet) {
                // Not yet: another half-minute without a touch.
            }
        }
        assertThat(home).as("the kiosk started over after the idle question went unanswered").isTrue();
        waitForVaadin();
        nothingOf("Odette", "Marchal", "Qui êtes-vous ?");

        // An appointment: home, reason and time on one screen, who, done.
        click("kiosk-appointment");
        waitForText("Pour quoi venez-vous ?");
        check(name + "-7-rendez-vous-motif", true);
        click("kiosk-motif-" + motif);
        waitForText("Choisissez le jour et l’heure");
        check(name + "-8-rendez-vous-horaire", true);
        driver.findElement(By.cssSelector("[id^='kiosk-slot-']")).click();
        waitForVaadin();
        waitForText("Qui êtes-vous ?");
        type("kiosk-first-name", "Lucien");
        type("kiosk-last-name", "Perrin");
        type("kiosk-phone", AppointmentFixtures.uniquePhone());
        click("kiosk-validate");
        waitForText("C’est fait : votre rendez-vous est pris !");
        check(name + "-9-rendez-vous-pris", true);
        click("kiosk-finish");
        waitForText("Bonjour ! Que voulez-vous faire ?");
        nothingOf("Lucien", "Perrin");
    }

    /** The page itself (not the window with its bars) gets exactly this size, as on the kiosk in full screen. */
    private void viewport(int width, int height) {
        resize(width, height);
        long innerWidth = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth");
        long innerHeight = (Long) ((JavascriptExecutor) driver).executeScript("return window.innerHeight");
        resize(width + (width - (int) innerWidth), height + (height - (int) innerHeight));
    }

    /**
     * Moves the clock a minute on, until the kiosk asks. The touch listener is throttled: the last keystroke may
     * reach the server up to three seconds after the typing (and count as a touch, at the moved time), so the
     * clock moves again if the question has not come by the next polls.
     */
    private void aMinuteWithoutATouch() {
        for (int attempt = 1; ; attempt++) {
            clock.advance(Duration.ofSeconds(61));
            try {
                new WebDriverWait(driver, Duration.ofSeconds(12)).until(d -> !d.findElements(By.id("kiosk-more-time")).isEmpty()
                        && d.findElement(By.id("kiosk-more-time")).isDisplayed());
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * A touch screen's keyboard takes the lower part of the screen (Chromium then shrinks the visible area): with
     * the page's visible height cut to 55 %, the field that has the focus and "Valider" are both in sight.
     */
    private void fieldAndValiderStayAboveTheKeyboard(int width, int height, String name) {
        for (String field : List.of("kiosk-first-name", "kiosk-phone", "kiosk-email")) {
            ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
            viewport(width, height);
            driver.findElement(By.cssSelector("#" + field + " input")).click();
            // The keyboard takes 45 % of the screen: 55 % of the page's height stays visible.
            viewport(width, (int) (height * 0.55));
            try {
                new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> inSight(field) && inSight("kiosk-validate"));
            } catch (RuntimeException e) {
                screenshot(name + "-debug-keyboard-" + field);
                throw new AssertionError("With the keyboard up, " + field + " or Valider is out of sight: "
                        + ((JavascriptExecutor) driver).executeScript("return JSON.stringify([window.innerHeight, "
                        + "window.scrollY, document.getElementById(arguments[0]).getBoundingClientRect(), "
                        + "document.getElementById('kiosk-validate').getBoundingClientRect()])", field), e);
            }
        }
        screenshot(name + "-3b-clavier");
        viewport(width, height);
    }

    private boolean inSight(String id) {
        return (Boolean) ((JavascriptExecutor) driver).executeScript("""
                const r = document.getElementById(arguments[0]).getBoundingClientRect();
                return r.top >= 0 && r.bottom <= window.innerHeight;""", id);
    }

    /** The previous person, even with the back button: not on screen, not in any field. */
    private void nothingOf(String... values) {
        assertThat(bodyText()).doesNotContain(values);
        assertThat(typed()).doesNotContainAnyElementsOf(List.of(values));
        driver.navigate().back();
        settle();
        assertThat(driver.getCurrentUrl()).doesNotContain("activer");
        assertThat(bodyText()).doesNotContain(values);
        assertThat(typed()).doesNotContainAnyElementsOf(List.of(values));
        open("kiosk");
        waitForText("Bonjour ! Que voulez-vous faire ?");
    }

    /** After "back": whatever page that is (maybe not a Vaadin one), loaded and idle. */
    private void settle() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients"
                        + " || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive()))"));
    }

    @SuppressWarnings("unchecked")
    private List<String> typed() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(TYPED);
    }

    @SuppressWarnings("unchecked")
    private void check(String screen, boolean hasTargets) {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        screenshot(screen);
        assertAccessible("kiosk " + screen);
        var measured = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(MEASURE, MIN_TEXT_PX,
                MIN_TARGET_PX, MIN_GAP_PX);
        assertThat(((Number) measured.get("texts")).intValue()).as("texts measured on " + screen).isPositive();
        if (hasTargets) {
            assertThat(((Number) measured.get("targets")).intValue()).as("targets on " + screen).isPositive();
        }
        assertThat((List<String>) measured.get("small")).as("text under 20 px on " + screen).isEmpty();
        assertThat((List<String>) measured.get("tiny")).as("targets under 48 × 48 px on " + screen).isEmpty();
        assertThat((List<String>) measured.get("close")).as("targets closer than 8 px on " + screen).isEmpty();
    }
}
