package fr.rdvnumerique.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.atelier.RegistrationRequest;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.web.ClientAddress;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public registration form: success, waiting list, duplicate, and each field's French message. */
@IntegrationTest
class AtelierRegistrationViewTest extends SpringBrowserlessTest {

    @Autowired AtelierFixtures fixtures;
    @Autowired RegistrationService registrations;
    @Autowired RateLimiter rateLimiter;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void freshLimits() {
        rateLimiter.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void open(TestAtelier atelier) {
        navigate("territoire/" + atelier.territory().slug() + "/ateliers/" + atelier.sessionId(), AtelierRegistrationView.class);
    }

    private void type(String id, String value) {
        if ("atelier-email".equals(id)) {
            test($(EmailField.class).id(id)).setValue(value);
        } else {
            test($(TextField.class).id(id)).setValue(value);
        }
    }

    private void fill(String first, String last, String email, String phone) {
        type("atelier-first-name", first);
        type("atelier-last-name", last);
        type("atelier-email", email);
        type("atelier-phone", phone);
    }

    private void submit() {
        test($(Button.class).id("atelier-submit")).click();
    }

    /** The private link's token, from the answer's « Gérer mon inscription » link. */
    private String managementToken() {
        return $(Anchor.class).id("atelier-manage-link").getHref().substring("inscription/".length());
    }

    /** The themes stored with the registration the answer shows. */
    private Set<String> savedInterests() {
        long id = registrations.findByToken(managementToken()).orElseThrow().registrationId();
        return jdbc.sql("select theme from atelier_registration_interest where registration_id = :id").param("id", id)
                .query(String.class).set();
    }

    private String resultTitle() {
        return $(H2.class).id("atelier-result-title").getText();
    }

    private String errorOf(String id) {
        var field = "atelier-email".equals(id) ? $(EmailField.class).id(id) : $(TextField.class).id(id);
        return field instanceof EmailField e ? (e.isInvalid() ? e.getErrorMessage() : null)
                : ((TextField) field).isInvalid() ? ((TextField) field).getErrorMessage() : null;
    }

    @Test
    void the_page_describes_the_atelier_and_a_person_gets_a_seat_with_a_private_link() {
        TestAtelier atelier = fixtures.create("Vue inscription", 8);
        open(atelier);
        assertThat($(H1.class).single().getText()).isEqualTo("Découvrir sa tablette Vue inscription");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("Accès de plain-pied, sans marche.", "Niveau : Débutant", "À apporter : Votre tablette chargée",
                        "8 places disponibles");
        fill("Marie-Hélène", "N'Diaye", AtelierFixtures.email("mh"), "");
        // Someone else takes a seat while the form is being filled.
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Autre", "Personne"));
        submit();

        assertThat(resultTitle()).isEqualTo("C’est noté : votre place est réservée");
        // The count on the page is the fresh one: this person's seat and the other one.
        assertThat($(Paragraph.class).id("atelier-seats").getText()).isEqualTo("6 places disponibles");
        Anchor link = $(Anchor.class).id("atelier-manage-link");
        assertThat(link.getHref()).startsWith("inscription/").hasSize("inscription/".length() + 43);
        String token = link.getHref().substring("inscription/".length());
        assertThat(registrations.findByToken(token)).get().satisfies(r -> assertThat(r.firstName()).isEqualTo("Marie-Hélène"));
        Anchor calendar = $(Anchor.class).id("atelier-add-to-calendar");
        assertThat(calendar.getText()).isEqualTo("Ajouter à mon agenda");
        assertThat(calendar.getHref()).isEqualTo("public/agenda/inscription/" + token + ".ics");
        assertThat(calendar.isDownload()).isTrue();
    }

    @Test
    void a_person_may_say_what_they_want_to_learn_and_it_is_kept_with_the_registration() {
        TestAtelier atelier = fixtures.create("Vue envies", 8);
        open(atelier);
        assertThat($(CheckboxGroup.class).exists()).as("the themes are built only when asked for").isFalse();
        fill("Jeanne", "Martin", AtelierFixtures.email("envies"), "");
        Button ask = $(Button.class).id("atelier-interests-open");
        assertThat(ask.getText()).isEqualTo("Dire ce que je veux apprendre (facultatif)");
        test(ask).click();

        @SuppressWarnings("unchecked")
        CheckboxGroup<Theme> interests = $(CheckboxGroup.class).id("atelier-interests");
        assertThat(interests.getLabel()).isEqualTo("Ce que je veux apprendre (facultatif)");
        assertThat($(Button.class).withId("atelier-interests-open").exists()).as("the group took the button's place")
                .isFalse();
        test(interests).selectItems("E-mail", "Santé");
        submit();

        assertThat(resultTitle()).isEqualTo("C’est noté : votre place est réservée");
        assertThat(savedInterests()).containsExactlyInAnyOrder("EMAIL", "SANTE");
    }

    @Test
    void nothing_said_of_what_to_learn_stores_no_theme() {
        TestAtelier atelier = fixtures.create("Vue sans envies", 8);
        open(atelier);
        fill("Paul", "Durand", AtelierFixtures.email("sans-envies"), "");
        submit();
        assertThat(savedInterests()).isEmpty();
    }

    @Test
    void when_the_session_is_full_the_person_is_told_their_place_on_the_waiting_list() {
        TestAtelier atelier = fixtures.create("Vue attente", 1);
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Premier", "Arrivé"));
        open(atelier);
        assertThat($(Paragraph.class).id("atelier-seats").getText()).isEqualTo("Complet – liste d’attente possible");
        fill("Jean", "Dupont", "", "06 12 34 56 78");
        submit();

        assertThat(resultTitle()).isEqualTo("Vous êtes sur la liste d’attente");
        assertThat($(Paragraph.class).id("atelier-position").getText()).startsWith("Vous êtes en position 1 sur la liste d’attente.");
        assertThat($(Anchor.class).id("atelier-manage-link").getHref()).startsWith("inscription/");
        assertThat($(Anchor.class).all()).as("no seat, nothing to add to a calendar")
                .noneMatch(a -> "atelier-add-to-calendar".equals(a.getId().orElse("")));
    }

    @Test
    void registering_twice_with_the_same_email_shows_the_existing_registration() {
        TestAtelier atelier = fixtures.create("Vue doublon", 5);
        String email = AtelierFixtures.email("double");
        registrations.register(fr.rdvnumerique.atelier.RegistrationRequest.simple(atelier.sessionId(), "Claire", "Roux",
                email, null, AtelierFixtures.web()));
        open(atelier);
        fill("Claire", "Roux", email.toUpperCase(), "");
        submit();

        assertThat(resultTitle()).isEqualTo("Vous êtes déjà inscrit à cet atelier");
        assertThat($(Paragraph.class).id("atelier-already-session").getText()).isEqualTo("Votre inscription : "
                + "Découvrir sa tablette Vue doublon, " + FrenchDates.dayAndTimeRange(atelier.start(), atelier.end()) + ".");
        assertThat($(Paragraph.class).id("atelier-already-status").getText())
                .isEqualTo("Votre place est déjà réservée avec cette adresse e-mail ou ce numéro de téléphone. Nous n’avons pas fait de deuxième inscription.");
        assertThat($(Anchor.class).all()).noneMatch(a -> "atelier-manage-link".equals(a.getId().orElse("")));
        assertThat(fixtures.counts(atelier.sessionId()).confirmedRows()).isEqualTo(1);
    }

    @Test
    void each_wrong_field_gets_its_french_message_and_nothing_is_saved() {
        TestAtelier atelier = fixtures.create("Vue erreurs", 5);
        open(atelier);

        fill("", "", "", "");
        submit();
        assertThat(errorOf("atelier-first-name")).isEqualTo("Ce champ est obligatoire.");
        assertThat(errorOf("atelier-last-name")).isEqualTo("Ce champ est obligatoire.");
        assertThat($(Paragraph.class).id("atelier-form-error").getText()).isEqualTo("Vérifiez les champs signalés en rouge.");

        fill("1234 !", "Dupont", "", "");
        submit();
        assertThat(errorOf("atelier-first-name")).isEqualTo("Écrivez le nom avec des lettres.");

        fill("x".repeat(10_000), "Dupont", "", "");
        submit();
        assertThat(errorOf("atelier-first-name")).isEqualTo("Ce texte est trop long : 80 caractères au maximum.");

        fill("Jean", "Dupont", "", "");
        submit();
        assertThat(errorOf("atelier-email")).startsWith("Indiquez une adresse e-mail ou un numéro de téléphone");
        assertThat(errorOf("atelier-phone")).startsWith("Indiquez une adresse e-mail ou un numéro de téléphone");

        fill("Jean", "Dupont", "jean@", "");
        submit();
        assertThat(errorOf("atelier-email")).isEqualTo("Cette adresse e-mail n’est pas valide. Exemple : marie.dupont@exemple.fr");

        fill("Jean", "Dupont", "", "12 34");
        submit();
        assertThat(errorOf("atelier-phone")).isEqualTo("Ce numéro de téléphone n’est pas valide. Exemple : 06 12 34 56 78");
        // The person writes an e-mail instead and empties the phone: its message does not stay behind.
        type("atelier-email", "jean.dupont@exemple.fr");
        assertThat(errorOf("atelier-phone")).as("the phone is still wrong").isNotNull();
        type("atelier-phone", "");
        assertThat(errorOf("atelier-phone")).isNull();
        assertThat(errorOf("atelier-email")).isNull();

        fill("Jean", "Dupont", "jean.dupont@exemple.fr", "");
        test($(Checkbox.class).id("atelier-companion")).click();
        submit();
        assertThat(errorOf("atelier-companion-first-name")).isEqualTo("Indiquez le prénom et le nom de la personne qui vous accompagne.");

        assertThat($(H2.class).all()).noneMatch(h -> "atelier-result-title".equals(h.getId().orElse("")));
        var counts = fixtures.counts(atelier.sessionId());
        assertThat(counts.confirmedRows() + counts.waitingRows()).isZero();
    }

    @Test
    void names_with_accents_apostrophes_and_hyphens_are_accepted_with_a_companion() {
        TestAtelier atelier = fixtures.create("Vue accents", 5);
        open(atelier);
        fill("Marie-Hélène", "N’Diaye", "", "06 98 76 54 32");
        test($(Checkbox.class).id("atelier-companion")).click();
        type("atelier-companion-first-name", "Jean-Noël");
        type("atelier-companion-last-name", "d'Arc");
        submit();
        assertThat(resultTitle()).isEqualTo("C’est noté : votre place est réservée");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("Deux places sont réservées : pour vous et pour la personne qui vous accompagne.");
        assertThat(fixtures.counts(atelier.sessionId()).confirmedSeats()).isEqualTo(2);
    }

    @Test
    void one_address_cannot_send_the_form_more_than_the_hourly_limit() {
        TestAtelier atelier = fixtures.create("Vue limite", 5);
        open(atelier);
        for (int i = 0; i < 60; i++) {
            rateLimiter.tryAcquire(RegistrationService.RATE_LIMIT_PURPOSE, ClientAddress.current(), 60);
        }
        fill("Jean", "Dupont", AtelierFixtures.email("limite"), "");
        submit();
        assertThat($(Paragraph.class).id("atelier-form-error").getText())
                .isEqualTo("Trop de demandes depuis cet appareil. Merci de réessayer plus tard ou d’appeler le service.");
        assertThat(fixtures.counts(atelier.sessionId()).confirmedRows()).isZero();
    }

    @Test
    void a_session_of_another_territory_or_unknown_is_not_found() {
        TestAtelier atelier = fixtures.create("Vue ailleurs", 5);
        TestAtelier other = fixtures.create("Vue autre", 5);
        navigate("territoire/" + atelier.territory().slug() + "/ateliers/" + other.sessionId(),
                fr.rdvnumerique.base.ui.NotFoundView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Page introuvable");
    }

    @Test
    void a_person_already_waiting_is_shown_their_position_instead_of_a_second_registration() {
        TestAtelier atelier = fixtures.create("Vue doublon attente", 1);
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Bruno", "Martin"));
        registrations.register(RegistrationRequest.simple(atelier.sessionId(), "Claire", "Roux", null, "06 11 22 33 44",
                AtelierFixtures.web()));
        open(atelier);
        fill("Claire", "Roux", "", "+33 6 11 22 33 44");
        submit();
        assertThat(resultTitle()).isEqualTo("Vous êtes déjà inscrit à cet atelier");
        assertThat($(Paragraph.class).id("atelier-already-status").getText()).startsWith("Vous êtes déjà sur la liste d’attente, en position 2.");
        assertThat(fixtures.counts(atelier.sessionId()).waitingRows()).isEqualTo(2);
    }

    @Test
    void markup_typed_as_a_name_is_stored_as_typed_and_shown_as_text_on_the_private_page() {
        TestAtelier atelier = fixtures.create("Vue balises", 5);
        open(atelier);
        fill("<script>alert(1)</script>", "<b>Dupont</b>", AtelierFixtures.email("balises"), "");
        submit();
        assertThat(resultTitle()).isEqualTo("C’est noté : votre place est réservée");
        var confirmed = $(Paragraph.class).all().stream().filter(p -> p.getText().contains("nous vous attendons"))
                .findFirst().orElseThrow();
        assertThat(confirmed.getText()).startsWith("<script>alert(1)</script>, nous vous attendons");
        assertThat(confirmed.getElement().getChildren()).as("a text node, not markup").singleElement()
                .satisfies(child -> assertThat(child.isTextNode()).isTrue());

        String token = managementToken();
        assertThat(registrations.findByToken(token)).get().satisfies(r -> {
            assertThat(r.firstName()).isEqualTo("<script>alert(1)</script>");
            assertThat(r.lastName()).isEqualTo("<b>Dupont</b>");
        });
        navigate("inscription/" + token, ManageRegistrationView.class);
        Paragraph who = $(Paragraph.class).withText("Inscription au nom de <script>alert(1)</script> <b>Dupont</b>").single();
        assertThat(who.getElement().getChildren()).as("the name is the element's text, escaped by the browser")
                .singleElement().satisfies(child -> assertThat(child.isTextNode()).isTrue());
        assertThat(who.getElement().getOuterHTML()).contains("&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;Dupont&lt;/b&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void registration_that_closed_while_the_form_was_open_is_refused_in_plain_french() {
        TestAtelier atelier = fixtures.create("Vue close", 5, 2);
        open(atelier);
        clock.set(atelier.start().minus(Duration.ofMinutes(90)));
        fill("Léa", "Morel", AtelierFixtures.email("lea"), "");
        submit();
        assertThat(resultTitle()).isEqualTo("L’inscription n’a pas pu se faire");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(
                "Les inscriptions en ligne sont closes pour cet atelier. Appelez-nous : il reste peut-être une place.");
        assertThat(fixtures.counts(atelier.sessionId()).confirmedRows()).isZero();
    }

    @Test
    void a_person_holding_six_upcoming_registrations_is_told_to_cancel_one_first() {
        TestAtelier atelier = fixtures.create("Vue plafond", 5, 3);
        String email = AtelierFixtures.email("plafond");
        for (int day = 1; day <= 6; day++) {
            long other = fixtures.session(atelier.territory(), atelier.workshopId(), fixtures.at(3 + day, 14, 0), 5);
            registrations.register(RegistrationRequest.simple(other, "Hugo", "Blanc", email, null, AtelierFixtures.web()));
        }
        open(atelier);
        fill("Hugo", "Blanc", email, "");
        submit();
        assertThat(resultTitle()).isEqualTo("L’inscription n’a pas pu se faire");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains("Vous avez déjà 6 inscriptions à venir. "
                + "Pour laisser des places à chacun, annulez-en une avant de vous inscrire à un autre atelier.");
        assertThat(fixtures.counts(atelier.sessionId()).confirmedRows()).isZero();
    }
}
