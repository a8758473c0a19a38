package fr.rdvnumerique.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.mocks.MockRequest;
import com.vaadin.browserless.mocks.MockResponse;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.RegistrationRequest;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.web.PublicUrls;
import fr.rdvnumerique.kiosk.KioskSettings;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.territory.KioskDevices;
import fr.rdvnumerique.territory.PlaceService;
import fr.rdvnumerique.territory.StructureService;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.QrImages;
import fr.rdvnumerique.testing.TestClock;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.Cookie;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 75-year-old at the médiathèque registers alone in four screens; every error is a sentence on the screen;
 * the next person sees nothing of the previous one. The "browser" here keeps the enrolment cookie the
 * activation set and loads the page again when the kiosk asks for it, as Chromium does.
 */
@IntegrationTest
class KioskViewTest extends SpringBrowserlessTest {

    private static final String HOME = "Bonjour ! Que voulez-vous faire ?";

    @Autowired AtelierFixtures ateliers;
    @Autowired AppointmentFixtures appointments;
    @Autowired KioskDevices devices;
    @Autowired RegistrationService registrations;
    @Autowired BookingService booking;
    @Autowired KioskSettings settings;
    @Autowired PublicUrls urls;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired PlaceService places;
    @Autowired StructureService structures;

    AtelierFixtures.TestAtelier atelier;
    String phone;
    Cookie enrolment;

    @BeforeEach
    void enrolledKiosk() {
        // Monday 30 November 2026, 9:00: sessions and opening hours are placed from there.
        clock.setParis(2026, 11, 30, 9, 0);
        atelier = ateliers.create("Borne", 6);
        phone = AppointmentFixtures.uniquePhone();
        enrolment = activate(atelier.territory().placeId());
        browserSends(enrolment);
        navigate(KioskView.class);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        StaffLogin.signOut();
        jdbc.execute("drop trigger if exists kiosk_test_busy");
    }

    // --- The "browser" ---------------------------------------------------------------------------------------

    /** Staff enrol the screen, the link is opened on it: returns the cookie the page set. */
    private Cookie activate(long placeId) {
        StaffLogin.coordinator(atelier.territory().structureId());
        String token = devices.enrol(placeId, "Borne de l’accueil");
        StaffLogin.signOut();
        UI.getCurrent().navigate(KioskActivationView.class, new RouteParameters("token", token));
        assertThat(title()).isEqualTo("Activer cette borne ?");
        assertThat(mockResponse().findCookie(KioskDeviceCookie.NAME)).as("opening the link uses nothing").isNull();
        press("kiosk-activate");
        assertThat(title()).isEqualTo("La borne est prête");
        assertThat(pendingJs()).as("the link's address leaves the history once used")
                .anyMatch(js -> js.contains("history.replaceState"));
        test($(Button.class).id("kiosk-open")).click();
        assertThat(pendingJs()).as("opening the kiosk is a full load that replaces the page")
                .anyMatch(js -> js.contains("location.replace"));
        Cookie cookie = mockResponse().getCookie(KioskDeviceCookie.NAME);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getAttribute("SameSite")).isEqualTo("Strict");
        return cookie;
    }

    private static MockResponse mockResponse() {
        return (MockResponse) ((ServletResponseWrapper) VaadinResponse.getCurrent()).getResponse();
    }

    private static void browserSends(Cookie cookie) {
        var request = (MockRequest) ((ServletRequestWrapper) VaadinRequest.getCurrent()).getRequest();
        request.setCookiesInt(cookie == null ? null : new Cookie[] {cookie});
    }

    /** What Chromium does after {@code location.replace('kiosk')}: a new page (a new UI) with the same cookie. */
    private void browserLoadsKioskAgain() {
        assertThat(pendingJs()).anyMatch(js -> js.contains("location.replace"));
        UI.getCurrent().getPage().reload();
        browserSends(enrolment);
        navigate(KioskView.class);
    }

    private static List<String> pendingJs() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(PendingJavaScriptInvocation::getInvocation).map(i -> i.getExpression()).toList();
    }

    private KioskLayout layout() {
        return $(KioskLayout.class).single();
    }

    // --- Reading and touching the screen ----------------------------------------------------------------------

    private String title() {
        return $(H1.class).single().getText();
    }

    private void touch(String id) {
        test($(NativeButton.class).id(id)).click();
    }

    private void press(String id) {
        test($(Button.class).id(id)).click();
    }

    private void type(String label, String value) {
        test($(TextField.class).withLabel(label).single()).setValue(value);
    }

    private void typeMe(String first, String last) {
        type("Votre prénom", first);
        type("Votre nom", last);
        type("Votre numéro de téléphone", phone);
    }

    private String errorMessageOf(String label) {
        return $(TextField.class).withLabel(label).single().getErrorMessage();
    }

    private String sentence(String id) {
        var error = byId(Paragraph.class, id);
        assertThat(error.isVisible()).as("the sentence is shown").isTrue();
        return error.getText();
    }

    /** Everything the screen says, the idle question included. */
    private String screenText() {
        return layout().getElement().getTextRecursively();
    }

    /** A component by id, shown or not. */
    private static <T extends Component> T byId(Class<T> type, String id) {
        var found = new ArrayList<T>();
        UI.getCurrent().getChildren().forEach(c -> collect(c, type, id, found));
        assertThat(found).as("#" + id).hasSize(1);
        return found.getFirst();
    }

    private static <T extends Component> void collect(Component c, Class<T> type, String id, List<T> found) {
        if (type.isInstance(c) && c.getId().filter(id::equals).isPresent()) {
            found.add(type.cast(c));
        }
        c.getChildren().forEach(child -> collect(child, type, id, found));
    }

    private List<String> visibleButtons() {
        var all = new ArrayList<String>();
        $(Button.class).all().stream().filter(KioskViewTest::reallyVisible)
                .forEach(b -> all.add(b.getId().orElse(b.getText())));
        $(NativeButton.class).all().stream().filter(KioskViewTest::reallyVisible)
                .forEach(b -> all.add(b.getId().orElse(b.getText())));
        return all;
    }

    private static boolean reallyVisible(Component component) {
        for (Component c = component; c != null; c = c.getParent().orElse(null)) {
            if (!c.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private boolean hasBackAndRestart() {
        return visibleButtons().containsAll(List.of("kiosk-back", "kiosk-restart"));
    }

    private static boolean ended(WrappedSession session) {
        try {
            session.getAttribute("x");
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private String registrationChannel(long sessionId) {
        return jdbc.queryForObject("select concat(channel, ' ', coalesce(kiosk_device_id, '-')) from atelier_registration"
                + " where session_id = ?", String.class, sessionId);
    }

    private long deviceId() {
        return jdbc.queryForObject("select id from kiosk_device where place_id = ? and activated_at is not null"
                + " and revoked_at is null", Long.class, atelier.territory().placeId());
    }

    // --- The atelier path -------------------------------------------------------------------------------------

    @Test
    void a_senior_registers_for_an_atelier_in_four_screens_recorded_as_a_kiosk_registration() {
        var screens = new ArrayList<String>();
        screens.add(title());
        touch("kiosk-atelier");
        screens.add(title());
        var card = $(NativeButton.class).id("kiosk-session-" + atelier.sessionId());
        assertThat(card.getElement().getTextRecursively()).contains("Découvrir sa tablette Borne",
                "Lundi 7 décembre 2026, de 14 h 00 à 16 h 00", "Ici : Médiathèque Borne", "Niveau : Débutant",
                "6 places libres");
        touch("kiosk-session-" + atelier.sessionId());
        screens.add(title());
        assertThat(byId(Paragraph.class, "kiosk-who-error").isVisible()).isFalse();
        typeMe("Marie-Hélène", "N’Diaye");
        press("kiosk-validate");
        screens.add(title());

        assertThat(screens).containsExactly(HOME, "Choisissez un atelier", "Qui êtes-vous ?",
                "C’est fait : vous êtes inscrit !");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains("Découvrir sa tablette Borne",
                "Lundi 7 décembre 2026, de 14 h 00 à 16 h 00", "Médiathèque Borne – 1 rue de la Paix, 54000 Commune Borne",
                "Au nom de : Marie-Hélène N’Diaye");
        assertThat(ateliers.counts(atelier.sessionId()).confirmedSeats()).isEqualTo(1);
        assertThat(registrationChannel(atelier.sessionId())).isEqualTo("KIOSK " + deviceId());
    }

    @Test
    void the_qr_code_of_the_ticket_opens_the_persons_own_registration() throws Exception {
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        typeMe("Jean", "Martin");
        press("kiosk-validate");

        String target = qrCodeTarget();
        assertThat(target).startsWith(urls.of("inscription/"));
        String token = target.substring(urls.of("inscription/").length());
        assertThat(registrations.findByToken(token)).get()
                .satisfies(r -> assertThat(r.toString()).contains("Jean", "Martin"));
    }

    /** What a phone finds when it scans the ticket's QR code. */
    private String qrCodeTarget() {
        return QrImages.read($(Image.class).id("kiosk-qr").getSrc());
    }

    @Test
    void sessions_at_this_place_come_first_then_elsewhere_under_their_own_heading() {
        long elsewhere = ateliers.session(atelier.territory(), atelier.workshopId(), ateliers.at(1, 10, 0), 8,
                atelier.territory().secondPlaceId());
        long hereLater = ateliers.session(atelier.territory(), atelier.workshopId(), ateliers.at(9, 10, 0), 8);
        touch("kiosk-atelier");

        List<String> order = $(Component.class).all().stream()
                .map(c -> c instanceof H2 h ? "h2:" + h.getText()
                        : c.getId().filter(id -> id.startsWith("kiosk-session-")).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        assertThat(order).containsExactly("h2:Ici : Médiathèque Borne", "kiosk-session-" + atelier.sessionId(),
                "kiosk-session-" + hereLater, "h2:Ailleurs sur le territoire", "kiosk-session-" + elsewhere);
        assertThat($(NativeButton.class).id("kiosk-session-" + elsewhere).getElement().getTextRecursively())
                .contains("À Commune Borne : Mairie Borne");
    }

    @Test
    void more_sessions_than_a_screen_holds_are_reached_with_a_big_button_and_retour_comes_back() {
        var extra = new ArrayList<Long>();
        for (int day = 8; day < 8 + settings.cardsPerPage(); day++) {
            extra.add(ateliers.session(atelier.territory(), atelier.workshopId(), ateliers.at(day, 10, 0), 8));
        }
        touch("kiosk-atelier");
        assertThat($(NativeButton.class).all()).hasSize(settings.cardsPerPage());
        press("kiosk-more-sessions");
        assertThat(title()).isEqualTo("Choisissez un atelier");
        assertThat($(NativeButton.class).all()).extracting(c -> c.getId().orElseThrow())
                .containsExactly("kiosk-session-" + extra.getLast());
        assertThat(visibleButtons()).doesNotContain("kiosk-more-sessions");
        press("kiosk-back");
        assertThat($(NativeButton.class).all()).hasSize(settings.cardsPerPage())
                .extracting(c -> c.getId().orElseThrow()).contains("kiosk-session-" + atelier.sessionId());
        press("kiosk-back");
        assertThat(title()).isEqualTo(HOME);
    }

    @Test
    void a_full_session_offers_the_waiting_list_and_says_so_before_validating() {
        var full = ateliers.session(atelier.territory(), atelier.workshopId(), ateliers.at(2, 10, 0), 1);
        registrations.register(AtelierFixtures.request(full, "Paul", "Web"));
        touch("kiosk-atelier");
        assertThat($(NativeButton.class).id("kiosk-session-" + full).getElement().getTextRecursively())
                .contains("Complet : liste d’attente possible");
        touch("kiosk-session-" + full);
        assertThat($(Paragraph.class).id("kiosk-waiting-list-notice").getText())
                .startsWith("Cet atelier est complet. En validant, vous vous inscrivez sur la liste d’attente");
        typeMe("Jeanne", "Lambert");
        press("kiosk-validate");
        assertThat(title()).isEqualTo("Vous êtes sur la liste d’attente (position 1)");
        assertThat(ateliers.counts(full).waitingRows()).isEqualTo(1);
    }

    @Test
    void when_the_last_seat_goes_meanwhile_the_waiting_list_is_offered_not_imposed() {
        var small = ateliers.session(atelier.territory(), atelier.workshopId(), ateliers.at(3, 10, 0), 1);
        touch("kiosk-atelier");
        assertThat($(NativeButton.class).id("kiosk-session-" + small).getElement().getTextRecursively())
                .contains("Plus qu’une place");
        touch("kiosk-session-" + small);
        typeMe("Jeanne", "Lambert");
        // Someone on the website takes the last seat while Jeanne types.
        registrations.register(AtelierFixtures.request(small, "Paul", "Web"));
        press("kiosk-validate");

        assertThat(title()).isEqualTo("La dernière place vient d’être prise");
        assertThat(screenText()).contains("Vous n’êtes pas inscrit");
        assertThat(ateliers.counts(small).waitingRows()).as("not put on the waiting list without saying yes").isZero();
        assertThat(visibleButtons()).contains("kiosk-join-waiting-list", "kiosk-other-atelier", "kiosk-back",
                "kiosk-restart");

        // "Retour" goes back to the form, still filled in.
        press("kiosk-back");
        assertThat(title()).isEqualTo("Qui êtes-vous ?");
        assertThat($(TextField.class).withLabel("Votre prénom").single().getValue()).isEqualTo("Jeanne");
        press("kiosk-validate");
        assertThat(title()).isEqualTo("La dernière place vient d’être prise");

        press("kiosk-join-waiting-list");
        assertThat(title()).isEqualTo("Vous êtes sur la liste d’attente (position 1)");
        assertThat(ateliers.counts(small).waitingRows()).isEqualTo(1);
    }

    @Test
    void choosing_another_atelier_after_the_last_seat_went_goes_back_to_the_list() {
        var small = ateliers.session(atelier.territory(), atelier.workshopId(), ateliers.at(3, 10, 0), 1);
        touch("kiosk-atelier");
        touch("kiosk-session-" + small);
        typeMe("Jeanne", "Lambert");
        registrations.register(AtelierFixtures.request(small, "Paul", "Web"));
        press("kiosk-validate");
        press("kiosk-other-atelier");
        assertThat(title()).isEqualTo("Choisissez un atelier");
        assertThat(ateliers.counts(small).waitingRows()).isZero();
    }

    @Test
    void someone_already_registered_is_told_so_and_nothing_changes() {
        registrations.register(RegistrationRequest.simple(atelier.sessionId(), "Jean", "Martin", null, phone, AtelierFixtures.web()));
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        typeMe("Jean", "Martin");
        press("kiosk-validate");
        assertThat(title()).isEqualTo("Vous êtes déjà inscrit");
        assertThat(hasBackAndRestart()).isTrue();
        assertThat(ateliers.counts(atelier.sessionId()).confirmedRows()).isEqualTo(1);
        press("kiosk-back");
        assertThat(title()).isEqualTo("Qui êtes-vous ?");
    }

    @Test
    void a_refusal_is_said_in_a_sentence() {
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        typeMe("Jean", "Martin");
        // Registration closes two hours before: the person took too long, the window closed meanwhile.
        clock.set(atelier.start().minus(Duration.ofHours(1)));
        press("kiosk-validate");
        assertThat(title()).isEqualTo("Ce n’est pas possible");
        assertThat(screenText()).contains("Les inscriptions en ligne sont closes pour cet atelier");
        assertThat(hasBackAndRestart()).isTrue();
    }

    // --- The form's errors ------------------------------------------------------------------------------------

    @Test
    void each_mistake_is_said_next_to_its_field_and_named_in_a_sentence_and_nothing_is_saved() {
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        type("Votre prénom", "1234");
        type("Votre numéro de téléphone", "12");
        test($(EmailField.class).id("kiosk-email")).setValue("pas-une-adresse");
        press("kiosk-validate");

        assertThat(title()).isEqualTo("Qui êtes-vous ?");
        assertThat(errorMessageOf("Votre prénom")).isEqualTo("Écrivez le nom avec des lettres.");
        assertThat(errorMessageOf("Votre nom")).isEqualTo("Ce champ est obligatoire.");
        assertThat(errorMessageOf("Votre numéro de téléphone")).startsWith("Ce numéro de téléphone n’est pas valide");
        assertThat($(EmailField.class).id("kiosk-email").getErrorMessage()).startsWith("Cette adresse e-mail n’est pas valide");
        assertThat(sentence("kiosk-who-error")).isEqualTo("Il faut compléter ou corriger : votre prénom, votre nom,"
                + " votre numéro de téléphone et votre adresse e-mail.").doesNotContain("rouge");
        assertThat($(TextField.class).withLabel("Votre numéro de téléphone").single().getValue())
                .as("what was typed stays").isEqualTo("12");
        assertThat(ateliers.counts(atelier.sessionId()).confirmedSeats()).isZero();

        // Corrected, the errors go away one by one, and the registration is made.
        type("Votre prénom", "Jean");
        assertThat($(TextField.class).withLabel("Votre prénom").single().isInvalid()).isFalse();
        assertThat(sentence("kiosk-who-error")).isEqualTo("Il faut compléter ou corriger : votre nom,"
                + " votre numéro de téléphone et votre adresse e-mail.");
        type("Votre nom", "Martin");
        type("Votre numéro de téléphone", phone);
        test($(EmailField.class).id("kiosk-email")).setValue("");
        press("kiosk-validate");
        assertThat(title()).isEqualTo("C’est fait : vous êtes inscrit !");
    }

    @Test
    void the_phone_is_expected_and_an_email_replaces_it_for_someone_without_one() {
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        type("Votre prénom", "Jean");
        type("Votre nom", "Martin");
        press("kiosk-validate");
        assertThat(errorMessageOf("Votre numéro de téléphone")).isEqualTo(
                "Écrivez votre numéro de téléphone. Si vous n’en avez pas, écrivez votre adresse e-mail plus bas.");
        assertThat(sentence("kiosk-who-error")).isEqualTo("Il faut compléter ou corriger : votre numéro de téléphone.");

        test($(EmailField.class).id("kiosk-email")).setValue("jean.martin." + phone.replace(" ", "") + "@exemple.fr");
        press("kiosk-validate");
        assertThat(title()).isEqualTo("C’est fait : vous êtes inscrit !");
    }

    @Test
    void when_the_service_is_busy_the_person_is_told_in_a_sentence_and_keeps_what_was_typed() {
        makeRegistrationsBusy(atelier.sessionId());
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        typeMe("Jean", "Martin");
        press("kiosk-validate");
        assertThat(title()).isEqualTo("Qui êtes-vous ?");
        assertThat(sentence("kiosk-who-error")).isEqualTo(
                "Le service est très demandé en ce moment. Merci de réessayer dans quelques secondes.");
        assertThat($(TextField.class).withLabel("Votre prénom").single().getValue()).isEqualTo("Jean");

        jdbc.execute("drop trigger kiosk_test_busy");
        press("kiosk-validate");
        assertThat(title()).isEqualTo("C’est fait : vous êtes inscrit !");
    }

    @Test
    void joining_the_waiting_list_when_the_service_is_busy_is_said_on_that_screen() {
        var small = ateliers.session(atelier.territory(), atelier.workshopId(), ateliers.at(3, 10, 0), 1);
        touch("kiosk-atelier");
        touch("kiosk-session-" + small);
        typeMe("Jeanne", "Lambert");
        registrations.register(AtelierFixtures.request(small, "Paul", "Web"));
        press("kiosk-validate");
        makeRegistrationsBusy(small);
        press("kiosk-join-waiting-list");
        assertThat(title()).isEqualTo("La dernière place vient d’être prise");
        assertThat(sentence("kiosk-full-error")).startsWith("Le service est très demandé en ce moment");
    }

    /**
     * Every insert of a registration for this session fails as a deadlock would (MariaDB error 1213): the
     * retries give up and the service answers {@code error.busy}, as under a real storm of registrations.
     */
    private void makeRegistrationsBusy(long sessionId) {
        jdbc.execute("drop trigger if exists kiosk_test_busy");
        jdbc.execute("create trigger kiosk_test_busy before insert on atelier_registration for each row"
                + " if new.session_id = " + sessionId + " then"
                + " signal sqlstate '40001' set mysql_errno = 1213, message_text = 'Deadlock found (test)'; end if");
    }

    // --- Retour, Recommencer, idle and reset ------------------------------------------------------------------

    @Test
    void every_step_has_retour_and_recommencer_and_they_work() {
        assertThat(visibleButtons()).as("home: where both would lead").doesNotContain("kiosk-back", "kiosk-restart");

        touch("kiosk-atelier");
        assertThat(hasBackAndRestart()).as("choose").isTrue();
        press("kiosk-back");
        assertThat(title()).isEqualTo(HOME);

        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        assertThat(hasBackAndRestart()).as("who").isTrue();
        press("kiosk-back");
        assertThat(title()).isEqualTo("Choisissez un atelier");

        touch("kiosk-session-" + atelier.sessionId());
        type("Votre prénom", "Marie");
        assertThat($(TextField.class).all()).extracting(TextFieldBase::getValue).contains("Marie");
        var session = VaadinSession.getCurrent().getSession();
        press("kiosk-restart");
        assertThat(ended(session)).as("Recommencer ends the session").isTrue();
        browserLoadsKioskAgain();
        assertThat(title()).isEqualTo(HOME);
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        assertThat($(TextField.class).all()).extracting(TextFieldBase::getValue).containsOnly("");
    }

    @Test
    void the_done_screen_offers_print_and_j_ai_termine_which_starts_over() {
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        typeMe("Marie", "Curie");
        press("kiosk-validate");
        assertThat(visibleButtons()).contains("kiosk-print", "kiosk-finish").doesNotContain("kiosk-back");
        press("kiosk-print");
        assertThat(pendingJs()).anyMatch(js -> js.contains("window.print()"));
        assertThat(screenText()).contains("Au nom de : Marie Curie");

        var session = VaadinSession.getCurrent().getSession();
        press("kiosk-finish");
        assertThat(ended(session)).isTrue();
        browserLoadsKioskAgain();
        assertThat(title()).isEqualTo(HOME);
        assertThat(screenText()).doesNotContain("Marie", "Curie", "C’est fait");
    }

    @Test
    void after_a_minute_without_a_touch_the_kiosk_asks_then_a_new_page_shows_nothing_of_the_person() {
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        typeMe("Marie", "Curie");
        assertThat($(TextField.class).all()).extracting(TextFieldBase::getValue).contains("Marie", "Curie");
        var layout = layout();

        clock.advance(settings.idleWarning().minusSeconds(1));
        layout.checkIdle();
        assertThat(layout.isWarningShown()).isFalse();
        clock.advance(Duration.ofSeconds(2));
        layout.checkIdle();
        assertThat(layout.isWarningShown()).isTrue();
        assertThat($(Paragraph.class).id("kiosk-countdown").getText())
                .isEqualTo("Sans réponse, l’écran recommence dans 29 secondes. Ce que vous avez écrit sera effacé.");

        press("kiosk-more-time");
        assertThat(layout.isWarningShown()).as("more time given").isFalse();
        assertThat($(TextField.class).withLabel("Votre prénom").single().getValue()).isEqualTo("Marie");

        var session = VaadinSession.getCurrent().getSession();
        clock.advance(settings.idleWarning().plus(settings.idleGrace()).minusSeconds(1));
        layout.checkIdle();
        assertThat(ended(session)).as("still within the grace period").isFalse();
        clock.advance(Duration.ofSeconds(1));
        layout.checkIdle();
        assertThat(ended(session)).as("the session ends with everything typed").isTrue();

        browserLoadsKioskAgain();
        assertThat(title()).isEqualTo(HOME);
        assertThat($(TextField.class).all()).isEmpty();
        assertThat(screenText()).doesNotContain("Marie", "Curie");
        // Even going the same way again, nothing of Marie is filled in.
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        assertThat($(TextField.class).all()).extracting(TextFieldBase::getValue).containsOnly("");
    }

    @Test
    void the_home_screen_never_asks_for_more_time_nor_polls() {
        var layout = layout();
        clock.advance(Duration.ofMinutes(10));
        layout.checkIdle();
        assertThat(layout.isWarningShown()).isFalse();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        touch("kiosk-atelier");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(KioskLayout.POLL_MS);
    }

    @Test
    void the_confirmation_resets_by_itself_even_if_someone_keeps_touching_the_screen() {
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        typeMe("Marie", "Curie");
        press("kiosk-validate");
        assertThat(title()).isEqualTo("C’est fait : vous êtes inscrit !");
        assertThat(screenText()).contains("cet écran s’effacera tout seul dans 90 secondes", "Marie Curie");
        var layout = layout();
        var session = VaadinSession.getCurrent().getSession();

        // The next person in line touches the screen now and then: the ticket still goes.
        for (int i = 0; i < 5; i++) {
            clock.advance(settings.confirmationShown().dividedBy(5).minusSeconds(1));
            layout.touched();
            layout.checkIdle();
        }
        assertThat(layout.isWarningShown()).isFalse();
        clock.advance(Duration.ofSeconds(5));
        layout.checkIdle();
        assertThat(layout.isWarningShown()).as("the question comes after the confirmation time").isTrue();
        // The ticket (name, QR code of the private link) is hidden under the question, not dimmed; the question
        // says the registration is kept, only the screen goes.
        assertThat(layout.isScreenHidden()).isTrue();
        assertThat($(com.vaadin.flow.component.html.H2.class).id("kiosk-warning-title").getText())
                .isEqualTo("Avez-vous terminé ?");
        assertThat($(Paragraph.class).id("kiosk-countdown").getText()).isEqualTo("Votre réservation est enregistrée :"
                + " elle est gardée. Pour protéger vos informations, seul l’écran sera effacé, dans " + settings.idleGrace().toSeconds() + " secondes.");
        clock.advance(Duration.ofSeconds(10));
        layout.checkIdle();
        assertThat($(Paragraph.class).id("kiosk-countdown").getText()).as("the true time left").endsWith("dans " + (settings.idleGrace().toSeconds() - 10) + " secondes.");
        clock.advance(settings.idleGrace());
        layout.checkIdle();
        assertThat(ended(session)).isTrue();
        browserLoadsKioskAgain();
        assertThat(title()).isEqualTo(HOME);
        assertThat(screenText()).doesNotContain("Marie", "Curie");
    }

    @Test
    void the_person_reading_the_confirmation_can_ask_for_more_time() {
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        typeMe("Marie", "Curie");
        press("kiosk-validate");
        var layout = layout();
        clock.advance(settings.confirmationShown());
        layout.checkIdle();
        assertThat(layout.isWarningShown()).isTrue();
        assertThat(layout.isScreenHidden()).isTrue();
        assertThat($(com.vaadin.flow.component.button.Button.class).id("kiosk-more-time").getText())
                .isEqualTo("Revoir mon ticket");
        press("kiosk-more-time");
        assertThat(layout.isScreenHidden()).as("the ticket is back").isFalse();
        clock.advance(settings.confirmationShown().minusSeconds(1));
        layout.checkIdle();
        assertThat(layout.isWarningShown()).isFalse();
        assertThat(title()).isEqualTo("C’est fait : vous êtes inscrit !");
    }

    @Test
    void larger_text_is_a_toggle_that_says_what_it_does() {
        var layout = layout();
        press("kiosk-larger-text");
        assertThat(layout.isLargeText()).isTrue();
        assertThat(layout.getClassNames()).contains("kiosk-large");
        assertThat($(Button.class).id("kiosk-larger-text").getText()).isEqualTo("Texte normal");
        touch("kiosk-atelier");
        assertThat(layout.getClassNames()).as("kept from screen to screen").contains("kiosk-large");
        press("kiosk-larger-text");
        assertThat(layout.getClassNames()).doesNotContain("kiosk-large");
        assertThat($(Button.class).id("kiosk-larger-text").getText()).isEqualTo("Texte plus grand");
    }

    // --- Enrolment --------------------------------------------------------------------------------------------

    @Test
    void a_browser_that_is_not_an_enrolled_kiosk_only_gets_an_explanation() {
        browserSends(null);
        UI.getCurrent().getPage().reload();
        navigate(KioskView.class);
        assertThat(title()).isEqualTo("Cet écran n’est pas une borne d’inscription");
        assertThat(visibleButtons()).as("nothing to touch, not even the larger text").isEmpty();
        assertThat($(TextField.class).all()).isEmpty();
        assertThat(layout().isStarted()).isFalse();
        assertThat(UI.getCurrent().getPollInterval()).as("no polling, no idle reset").isEqualTo(-1);
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).containsExactly(
                "Pour vous inscrire à un atelier ou prendre rendez-vous, demandez à l’accueil ou utilisez le site"
                        + " internet de votre commune.");
    }

    @Test
    void a_screen_revoked_while_someone_types_says_at_valider_that_they_are_not_registered() {
        touch("kiosk-atelier");
        touch("kiosk-session-" + atelier.sessionId());
        typeMe("Jean", "Martin");
        StaffLogin.coordinator(atelier.territory().structureId());
        devices.revoke(deviceId());
        StaffLogin.signOut();
        var session = VaadinSession.getCurrent().getSession();
        press("kiosk-validate");

        assertThat(title()).isEqualTo("Vous n’êtes pas inscrit");
        assertThat(screenText()).contains("n’a rien enregistré. Adressez-vous à l’accueil : on vous inscrira.")
                .doesNotContain("Jean", "Martin");
        assertThat(visibleButtons()).isEmpty();
        assertThat(ateliers.counts(atelier.sessionId()).confirmedSeats()).isZero();
        assertThat(ended(session)).as("what was typed is gone with the session").isTrue();
        assertThat(pendingJs()).as("the sentence stays to be read, then the page loads again")
                .anyMatch(js -> js.contains("setTimeout(() => location.replace("));
        browserLoads();
        assertThat(title()).isEqualTo("Cet écran n’est pas une borne d’inscription");
    }

    @Test
    void opening_the_activation_link_uses_nothing_only_the_touch_on_activer_does_and_only_once() {
        StaffLogin.coordinator(atelier.territory().structureId());
        String token = devices.enrol(atelier.territory().secondPlaceId(), "Borne de la mairie");
        StaffLogin.signOut();
        // A mail program's link scanner opens it first, then staff on the screen.
        for (int visit = 0; visit < 2; visit++) {
            UI.getCurrent().getPage().reload();
            UI.getCurrent().navigate(KioskActivationView.class, new RouteParameters("token", token));
            assertThat(title()).isEqualTo("Activer cette borne ?");
        }
        assertThat(screenText()).contains("Cet écran deviendra « Borne de la mairie », la borne d’inscription du lieu :"
                + " Mairie Borne.");
        press("kiosk-activate");
        assertThat(title()).isEqualTo("La borne est prête");

        UI.getCurrent().navigate(KioskActivationView.class, new RouteParameters("token", token));
        assertThat(title()).isEqualTo("Ce lien ne fonctionne plus");
        assertThat(visibleButtons()).isEmpty();
    }

    @Test
    void the_screen_keeps_a_random_secret_of_its_own_stored_hashed_and_its_cookie_is_renewed_at_each_load() {
        String secret = enrolment.getValue();
        assertThat(Base64.getUrlDecoder().decode(secret)).as("at least 128 random bits").hasSizeGreaterThanOrEqualTo(16);
        assertThat(jdbc.queryForObject("select count(*) from kiosk_device where secret_hash = ? and id = ?",
                Integer.class, SecretTokens.hash(secret), deviceId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from kiosk_device where secret_hash = ? or token_hash = ?"
                + " or token_hash = ?", Integer.class, secret, secret, SecretTokens.hash(secret)))
                .as("neither stored as such nor the activation link's").isZero();

        mockResponse().getCookies().clear();
        browserLoads();
        Cookie renewed = mockResponse().getCookie(KioskDeviceCookie.NAME);
        assertThat(renewed.getValue()).isEqualTo(secret);
        assertThat(Duration.ofSeconds(renewed.getMaxAge())).as("a full life again, Chromium's cap")
                .isEqualTo(Duration.ofDays(400));
    }

    @Test
    void a_kiosk_whose_place_is_switched_off_is_paused_with_a_sentence_and_comes_back_when_switched_on() {
        StaffLogin.coordinator(atelier.territory().structureId());
        places.setActive(atelier.territory().placeId(), false);
        StaffLogin.signOut();
        browserLoads();
        assertThat(title()).isEqualTo("Cette borne est en pause");
        assertThat(screenText()).contains("adressez-vous à l’accueil");
        assertThat(visibleButtons()).isEmpty();
        assertThat(pendingJs()).as("it looks again by itself").anyMatch(js -> js.contains("location.reload()"));

        StaffLogin.coordinator(atelier.territory().structureId());
        places.setActive(atelier.territory().placeId(), true);
        StaffLogin.signOut();
        browserLoads();
        assertThat(title()).isEqualTo(HOME);
    }

    @Test
    void a_structure_switched_off_while_someone_books_says_at_valider_that_nothing_was_booked() throws Exception {
        appointments.motif(atelier.territory());
        appointments.open(atelier.territory(), DayOfWeek.TUESDAY, "09:00", "12:00");
        browserLoads();
        touch("kiosk-appointment");
        test($(NativeButton.class).all().stream().filter(b -> b.getId().orElse("").startsWith("kiosk-slot-"))
                .findFirst().orElseThrow()).click();
        typeMe("Jean", "Martin");
        StaffLogin.admin();
        structures.setActive(atelier.territory().structureId(), false);
        StaffLogin.signOut();
        try {
            press("kiosk-validate");
            assertThat(title()).isEqualTo("Votre rendez-vous n’est pas pris");
            assertThat(screenText()).contains("Adressez-vous à l’accueil : on prendra votre rendez-vous.");
            assertThat(jdbc.queryForObject("select count(*) from appointment where structure_id = ?", Integer.class,
                    atelier.territory().structureId())).isZero();
            browserLoadsKioskAgain();
            assertThat(title()).isEqualTo("Cette borne est en pause");
        } finally {
            StaffLogin.admin();
            structures.setActive(atelier.territory().structureId(), true);
            StaffLogin.signOut();
        }
    }

    // --- The appointment path ---------------------------------------------------------------------------------

    @Test
    void the_appointment_card_is_offered_only_when_a_time_can_be_booked_here() {
        assertThat(visibleButtons()).as("no motif at this place").containsExactly("kiosk-larger-text", "kiosk-atelier");
        appointments.motif(atelier.territory());
        browserLoads();
        assertThat(visibleButtons()).as("a motif, but no opening hours: no free time").doesNotContain("kiosk-appointment");
        appointments.open(atelier.territory(), DayOfWeek.TUESDAY, "09:00", "12:00");
        browserLoads();
        assertThat(visibleButtons()).contains("kiosk-appointment");
    }

    private void browserLoads() {
        UI.getCurrent().getPage().reload();
        browserSends(enrolment);
        navigate(KioskView.class);
    }

    @Test
    void an_appointment_takes_four_screens_even_with_several_reasons_and_is_recorded_as_kiosk() throws Exception {
        long tablet = appointments.motif(atelier.territory());
        appointments.motif(atelier.territory(), "Démarches en ligne", 60, 0, 24, 42, 2, false);
        appointments.open(atelier.territory(), DayOfWeek.TUESDAY, "09:00", "12:00");
        browserLoads();

        var screens = new ArrayList<String>();
        screens.add(title());
        touch("kiosk-appointment");
        screens.add(title());
        assertThat($(NativeButton.class).all()).as("the reasons, no time before one is chosen")
                .allMatch(b -> b.getId().orElseThrow().startsWith("kiosk-motif-"));
        touch("kiosk-motif-" + tablet);
        assertThat(title()).as("the same screen, now with the times").isEqualTo(screens.getLast());
        assertThat($(NativeButton.class).id("kiosk-motif-" + tablet).getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat($(H3.class).all()).extracting(H3::getText).startsWith("Mardi 1er décembre", "Mardi 8 décembre");
        var slot = $(NativeButton.class).all().stream().filter(b -> b.getId().orElseThrow().startsWith("kiosk-slot-"))
                .findFirst().orElseThrow();
        assertThat(slot.getText()).isEqualTo("9 h 00");
        assertThat(slot.getElement().getAttribute("aria-label")).isEqualTo("Mardi 1er décembre 2026 à 9 h 00");
        test(slot).click();
        screens.add(title());
        assertThat(screenText()).contains("Rendez-vous : Prendre en main sa tablette, mardi 1er décembre 2026 à 9 h 00.");
        typeMe("Marie", "Curie");
        press("kiosk-validate");
        screens.add(title());

        assertThat(screens).containsExactly(HOME, "Rendez-vous avec le conseiller", "Qui êtes-vous ?",
                "C’est fait : votre rendez-vous est pris !");
        assertThat(jdbc.queryForObject("select concat(channel, ' ', device_id) from appointment where motif_id = ?",
                String.class, tablet)).isEqualTo("KIOSK " + deviceId());
        String target = qrCodeTarget();
        assertThat(target).startsWith(urls.of("rendez-vous/"));
        assertThat(booking.findByToken(target.substring(urls.of("rendez-vous/").length()))).isPresent();
    }

    @Test
    void more_days_are_reached_with_a_big_button() {
        appointments.motif(atelier.territory());
        appointments.open(atelier.territory(), DayOfWeek.TUESDAY, "09:00", "12:00");
        browserLoads();
        touch("kiosk-appointment");
        assertThat($(H3.class).all()).extracting(H3::getText)
                .containsExactly("Mardi 1er décembre", "Mardi 8 décembre", "Mardi 15 décembre");
        List<String> first = slotIds();
        assertThat(first).hasSize(settings.daysPerPage() * 3);
        press("kiosk-more-slots");
        assertThat($(H3.class).all()).extracting(H3::getText).first().isEqualTo("Mardi 22 décembre");
        List<String> second = slotIds();
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
        press("kiosk-back");
        assertThat(slotIds()).isEqualTo(first);
    }

    private List<String> slotIds() {
        return $(NativeButton.class).all().stream().map(b -> b.getId().orElseThrow())
                .filter(id -> id.startsWith("kiosk-slot-")).toList();
    }

    @Test
    void a_time_taken_meanwhile_offers_the_others_of_that_day_and_keeps_what_was_typed() {
        long motif = appointments.motif(atelier.territory());
        appointments.open(atelier.territory(), DayOfWeek.TUESDAY, "09:00", "12:00");
        browserLoads();
        touch("kiosk-appointment");
        String first = slotIds().getFirst();
        touch(first);
        typeMe("Marie", "Curie");
        // Someone on the website books the same time while Marie types.
        FreeSlot taken = booking.freeSlots(atelier.territory().placeId(), motif, LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 1)).getFirst();
        assertThat(booking.book(new BookingRequest(atelier.territory().placeId(), motif, taken.start(), "Paul", "Web", null,
                AppointmentFixtures.uniquePhone(), true, Set.of(), null, Origin.web("192.0.2.77")))).isInstanceOf(PlaceResult.Confirmed.class);
        press("kiosk-validate");

        assertThat(title()).isEqualTo("Cet horaire vient d’être pris");
        assertThat(hasBackAndRestart()).isTrue();
        assertThat(slotIds()).isNotEmpty().doesNotContain(first);
        touch(slotIds().getFirst());
        assertThat(title()).isEqualTo("Qui êtes-vous ?");
        assertThat($(TextField.class).withLabel("Votre nom").single().getValue()).isEqualTo("Curie");
        press("kiosk-validate");
        assertThat(title()).isEqualTo("C’est fait : votre rendez-vous est pris !");
    }

    @Test
    void a_registration_request_of_the_kiosk_asks_for_a_seat_only_when_a_seat_was_shown() {
        // The rule itself, through the service the kiosk calls: a seat shown as free is never turned into a
        // waiting-list place without consent.
        var small = ateliers.session(atelier.territory(), atelier.workshopId(), ateliers.at(4, 10, 0), 1);
        registrations.register(AtelierFixtures.request(small, "Paul", "Web"));
        var result = registrations.register(RegistrationRequest.simple(small, "Jeanne", "Lambert", null, phone,
                Origin.kiosk("1")).acceptingWaitingList(false));
        assertThat(result).isEqualTo(new PlaceResult.SlotTaken<>("atelier.registration.refused.no-seat", List.of()));
        assertThat(ateliers.counts(small).waitingRows()).isZero();
    }
}
