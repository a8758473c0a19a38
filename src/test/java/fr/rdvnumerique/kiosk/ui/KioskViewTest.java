package fr.rdvnumerique.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinSession;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.SessionCard;
import fr.rdvnumerique.atelier.AtelierCatalogue;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.territory.KioskDevices;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The 75-year-old at the médiathèque of Ludres registers alone in four screens; the next person sees nothing. */
@IntegrationTest
class KioskViewTest extends SpringBrowserlessTest {

    @Autowired AtelierFixtures ateliers;
    @Autowired KioskDevices devices;
    @Autowired AtelierCatalogue catalogue;
    @Autowired RegistrationService registrations;
    @Autowired TestClock clock;

    AtelierFixtures.TestAtelier atelier;

    @BeforeEach
    void enrolledKiosk() {
        atelier = ateliers.create("Borne", 6);
        StaffLogin.coordinator(atelier.territory().structureId());
        String token = devices.enrol(atelier.territory().placeId(), "Borne de l’accueil");
        StaffLogin.signOut();
        UI.getCurrent().navigate(KioskActivationView.class, new RouteParameters("token", token));
        assertThat($(H1.class).single().getText()).isEqualTo("La borne est prête");
        test($(Button.class).withText("Ouvrir la borne").single()).click();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void touch(String id) {
        test($(NativeButton.class).id(id)).click();
    }

    private String title() {
        return $(H1.class).single().getText();
    }

    private void type(String label, String value) {
        test($(TextField.class).withLabel(label).single()).setValue(value);
    }

    @Test
    void a_senior_registers_for_an_atelier_in_four_screens() {
        assertThat(title()).isEqualTo("Bonjour ! Que voulez-vous faire ?");                 // 1
        touch("kiosk-atelier");
        assertThat(title()).isEqualTo("Choisissez un atelier");                             // 2
        var card = $(NativeButton.class).id("kiosk-session-" + atelier.sessionId());
        assertThat(card.getElement().getTextRecursively()).contains("Découvrir sa tablette Borne", "à 14 h 00", "ici",
                "6 places libres", "Débutant");
        touch("kiosk-session-" + atelier.sessionId());
        assertThat(title()).isEqualTo("Qui êtes-vous ?");                                  // 3
        type("Votre prénom", "Marie-Hélène");
        type("Votre nom", "N'Diaye");
        type("Votre numéro de téléphone", "06 12 34 56 78");
        test($(Button.class).id("kiosk-validate")).click();
        assertThat(title()).isEqualTo("C’est fait : vous êtes inscrit !");                   // 4
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains("Découvrir sa tablette Borne");
        assertThat($(Image.class).single().getSrc()).startsWith("data:image/png;base64,");
        assertThat(catalogue.session(atelier.sessionId())).get().extracting(SessionCard::confirmedSeats).isEqualTo(1);
    }

    @Test
    void each_mistake_is_said_next_to_the_field_and_nothing_is_saved() {
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        type("Votre prénom", "1234");
        type("Votre numéro de téléphone", "12");
        test($(Button.class).id("kiosk-validate")).click();

        assertThat(title()).isEqualTo("Qui êtes-vous ?");
        assertThat($(TextField.class).withLabel("Votre prénom").single().getErrorMessage())
                .isEqualTo("Écrivez le nom avec des lettres.");
        assertThat($(TextField.class).withLabel("Votre nom").single().getErrorMessage()).isEqualTo("Ce champ est obligatoire.");
        assertThat($(TextField.class).withLabel("Votre numéro de téléphone").single().getErrorMessage())
                .startsWith("Ce numéro de téléphone n’est pas valide");
        assertThat(catalogue.session(atelier.sessionId())).get().extracting(SessionCard::confirmedSeats).isEqualTo(0);
    }

    @Test
    void a_phone_or_an_email_is_needed_to_be_reached() {
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        type("Votre prénom", "Jean");
        type("Votre nom", "Martin");
        test($(Button.class).id("kiosk-validate")).click();
        assertThat($(TextField.class).withLabel("Votre numéro de téléphone").single().getErrorMessage())
                .startsWith("Écrivez votre numéro de téléphone, ou une adresse e-mail");
    }

    @Test
    void when_the_last_seat_went_meanwhile_the_person_is_offered_the_waiting_list() {
        var small = ateliers.session(atelier.territory(), atelier.workshopId(), atelier.start().plus(Duration.ofDays(1)), 1);
        touch("kiosk-atelier");
        touch("kiosk-session-" + small);
        type("Votre prénom", "Jeanne");
        type("Votre nom", "Lambert");
        type("Votre numéro de téléphone", "06 11 22 33 44");
        // Someone on the website takes the last seat while Jeanne types.
        registrations.register(AtelierFixtures.request(small, "Paul", "Web"));
        test($(Button.class).id("kiosk-validate")).click();

        assertThat(title()).isEqualTo("La dernière place vient d’être prise");
        test($(Button.class).id("kiosk-join-waiting-list")).click();
        assertThat(title()).isEqualTo("Vous êtes sur la liste d’attente (position 1)");
    }

    @Test
    void back_and_start_again_are_on_every_screen() {
        touch("kiosk-atelier");
        test($(Button.class).id("kiosk-back")).click();
        assertThat(title()).isEqualTo("Bonjour ! Que voulez-vous faire ?");
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        assertThat($(Button.class).id("kiosk-back").isVisible()).isTrue();
        assertThat($(Button.class).id("kiosk-restart").isVisible()).isTrue();
        test($(Button.class).id("kiosk-back")).click();
        assertThat(title()).isEqualTo("Choisissez un atelier");
    }

    @Test
    void after_a_minute_without_a_touch_the_kiosk_asks_then_forgets_everything() {
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        type("Votre prénom", "Marie");
        KioskLayout layout = $(KioskLayout.class).single();

        clock.advance(Duration.ofSeconds(59));
        layout.checkIdle();
        assertThat(layout.isWarningShown()).isFalse();
        clock.advance(Duration.ofSeconds(2));
        layout.checkIdle();
        assertThat(layout.isWarningShown()).isTrue();
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .anyMatch(t -> t.startsWith("Sans réponse, l’écran recommence dans 29 secondes"));

        test($(Button.class).id("kiosk-more-time")).click();
        assertThat(layout.isWarningShown()).as("more time given").isFalse();
        assertThat($(TextField.class).withLabel("Votre prénom").single().getValue()).isEqualTo("Marie");

        var session = VaadinSession.getCurrent().getSession();
        clock.advance(KioskIdleWatch.WARN_AFTER.plus(KioskIdleWatch.GRACE));
        layout.checkIdle();
        assertThat(isInvalidated(session)).as("the session ends with everything typed").isTrue();
    }

    @Test
    void a_browser_that_is_not_an_enrolled_kiosk_only_gets_an_explanation() {
        // A browser without the kiosk's secret (no cookie, nothing activated in this window).
        com.vaadin.flow.component.ComponentUtil.setData(UI.getCurrent(), KioskDeviceCookie.NAME, null);
        navigate(KioskView.class);
        assertThat(title()).isEqualTo("Cet écran n’est pas une borne d’inscription");
        assertThat($(NativeButton.class).all()).isEmpty();
    }

    private static boolean isInvalidated(com.vaadin.flow.server.WrappedSession session) {
        try {
            session.getAttribute("x");
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
