package fr.rdvnumerique.appointment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.ui.NotFoundView;
import fr.rdvnumerique.base.web.ClientAddress;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The residents' wizard, step by step, and every way it can go wrong: always a sentence, never an error page. */
@IntegrationTest
class BookingWizardViewTest extends SpringBrowserlessTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures fixtures;
    @Autowired BookingService booking;
    @Autowired TestClock clock;
    @Autowired RateLimiter limiter;
    @Autowired JdbcTemplate jdbc;

    TestTerritory territory;
    long motif;

    @BeforeEach
    void territory() {
        limiter.reset();
        clock.setParis(2026, 11, 30, 9, 0);
        territory = territories.create("Assistant");
        motif = fixtures.motif(territory, "Faire une démarche en ligne", 45, 15, 24, 42, 2, true);
        fixtures.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
    }

    @AfterEach
    void reset() {
        clock.reset();
        limiter.reset();
    }

    /** An address of this test's own territory: the cap per contact counts across the shared database. */
    private String mail(String local) {
        return local + "@" + territory.slug() + ".example.org";
    }

    private static Instant paris(int hour, int minute) {
        return ZonedDateTime.of(TUESDAY, LocalTime.of(hour, minute), ParisTime.ZONE).toInstant();
    }

    private String title() {
        return $(H1.class).id("wizard-title").getText();
    }

    private void click(String id) {
        test($(NativeButton.class).id(id)).click();
    }

    private void press(String id) {
        test($(Button.class).id(id)).click();
    }

    /** The id of the time button of 1 December at {@code hhmm}: the slot's instant, unique even when an hour repeats. */
    private static String timeId(String hhmm) {
        return "time-" + paris(Integer.parseInt(hhmm.substring(0, 2)), Integer.parseInt(hhmm.substring(2))).getEpochSecond();
    }

    private void goToContactStep(String time) {
        navigate("territoire/" + territory.slug() + "/rendez-vous", BookingWizardView.class);
        click("place-" + territory.placeId());
        click("motif-" + motif);
        press("themes-skip");
        press("day-" + TUESDAY);
        click(timeId(time));
    }

    /** "Jeanne Martin": the first word in the given name's field, the rest in the family name's. */
    private void typeContact(String name, String email, String phone) {
        String[] names = name.split(" ", 2);
        test($(TextField.class).id("contact-first-name")).setValue(names[0]);
        test($(TextField.class).id("contact-last-name")).setValue(names.length > 1 ? names[1] : "");
        test($(EmailField.class).id("contact-email")).setValue(email);
        test($(TextField.class).id("contact-phone")).setValue(phone);
    }

    private String alert() {
        Paragraph alert = $(Paragraph.class).id("wizard-alert");
        return alert.isVisible() ? alert.getText() : "";
    }

    private long bookedAtPlace() {
        return jdbc.queryForObject("select count(*) from appointment where place_id = ? and status = 'BOOKED'", Long.class,
                territory.placeId());
    }

    @Test
    void the_page_title_names_the_structure_and_the_service() {
        var view = navigate("territoire/" + territory.slug() + "/rendez-vous", BookingWizardView.class);
        assertThat(view.getPageTitle()).matches("Prendre rendez-vous – Structure Assistant \\d+ – RDV Numérique");
    }

    @Test
    void a_resident_books_step_by_step_and_gets_the_date_the_address_and_the_private_link() {
        navigate("territoire/" + territory.slug() + "/rendez-vous", BookingWizardView.class);
        assertThat(title()).isEqualTo("Où voulez-vous être reçu ?");
        assertThat($(Paragraph.class).id("wizard-step").getText()).isEqualTo("Étape 1 sur 7");
        click("place-" + territory.placeId());

        assertThat(title()).isEqualTo("De quoi avez-vous besoin ?");
        assertThat($(NativeButton.class).id("motif-" + motif).getElement().getTextRecursively())
                .contains("Faire une démarche en ligne", "Environ 45 minutes.");
        click("motif-" + motif);

        assertThat(title()).isEqualTo("Que voulez-vous apprendre ?");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Object> themes = $(CheckboxGroup.class).id("wizard-themes");
        test(themes).selectItem("E-mail");
        test($(TextArea.class).id("wizard-needs")).setValue("Envoyer des <photos> à ma fille");
        press("themes-next");

        assertThat(title()).isEqualTo("Choisissez un jour");
        assertThat($(Button.class).id("day-" + TUESDAY).getAriaLabel()).contains("mardi 1er décembre : 3 horaires libres");
        assertThat($(Button.class).withId("day-" + TUESDAY.minusDays(1)).exists()).as("no slot on Monday").isFalse();
        press("day-" + TUESDAY);

        assertThat(title()).isEqualTo("Choisissez l’heure");
        assertThat($(NativeButton.class).withClassName("time-choice").all()).extracting(NativeButton::getText)
                .containsExactly("9 h 00", "10 h 00", "11 h 00");
        click(timeId("1000"));

        assertThat(title()).isEqualTo("Comment vous appelez-vous ?");
        // The mark drawn next to the names (app.css: an asterisk) is explained above them.
        assertThat($(Paragraph.class).id("required-marker").getText())
                .isEqualTo("Les champs marqués d’un astérisque (*) sont obligatoires.");
        assertThat($(TextField.class).id("contact-first-name").isRequiredIndicatorVisible()).isTrue();
        String phone = AppointmentFixtures.uniquePhone();
        typeContact("Jeanne Martin", "", phone);
        press("contact-next");

        assertThat(title()).isEqualTo("Vérifiez votre rendez-vous");
        assertThat(getCurrentView().getElement().getTextRecursively())
                .contains("mardi 1er décembre 2026 à 10 h 00", "Jeanne Martin", phone);
        assertThat($(com.vaadin.flow.component.html.DescriptionList.Description.class).id("review-duration").getText())
                .isEqualTo("Environ 45 minutes");
        press("confirm-booking");

        assertThat($(H1.class).id("booking-confirmed").getText()).isEqualTo("Votre rendez-vous est confirmé");
        assertThat($(Paragraph.class).id("confirmation-date").getText()).isEqualTo("mardi 1er décembre 2026 à 10 h 00");
        String page = getCurrentView().getElement().getTextRecursively();
        assertThat(page).contains("1 rue de la Paix", "Accès de plain-pied", "votre pièce d’identité");
        Anchor link = $(Anchor.class).id("manage-link");
        assertThat(link.getHref()).matches("rendez-vous/[A-Za-z0-9_-]{43}");
        assertThat(booking.findByToken(link.getHref().substring("rendez-vous/".length()))).isPresent();
        Anchor calendar = $(Anchor.class).id("add-to-calendar");
        assertThat(calendar.getText()).isEqualTo("Ajouter à mon agenda");
        assertThat(calendar.getHref()).isEqualTo("public/agenda/" + link.getHref() + ".ics");
        assertThat(calendar.isDownload()).isTrue();
        var stored = jdbc.queryForMap("select a.needs, a.phone, t.theme from appointment a join appointment_theme t"
                + " on t.appointment_id = a.id where a.place_id = ?", territory.placeId());
        assertThat(stored).containsEntry("needs", "Envoyer des <photos> à ma fille").containsEntry("phone", AppointmentFixtures.e164(phone))
                .containsEntry("theme", "EMAIL");
    }

    @Test
    void the_aidants_connect_checklist_is_only_for_aidants_connect_motifs() {
        long plain = fixtures.motif(territory, "Prendre en main sa tablette", 45, 15, 24, 42, 2, false);
        navigate("territoire/" + territory.slug() + "/rendez-vous", BookingWizardView.class);
        click("place-" + territory.placeId());
        assertThat($(NativeButton.class).id("motif-" + plain).getElement().getTextRecursively())
                .doesNotContain("Aidants Connect");
        click("motif-" + plain);
        press("themes-skip");
        press("day-" + TUESDAY);
        click(timeId("1000"));
        typeContact("Jeanne Martin", mail("jeanne"), "");
        press("contact-next");
        press("confirm-booking");
        assertThat($(H1.class).id("booking-confirmed").getText()).isEqualTo("Votre rendez-vous est confirmé");
        assertThat($(AidantsConnectChecklist.class).exists()).as("no checklist for a plain motif").isFalse();
        assertThat(getCurrentView().getElement().getTextRecursively()).doesNotContain("votre pièce d’identité");
    }

    @Test
    void the_hour_that_happens_twice_in_october_gives_two_times_told_apart() {
        // Sunday 25 October 2026: at 3:00 summer time the clocks go back to 2:00.
        clock.setParis(2026, 10, 20, 9, 0);
        TestTerritory night = territories.create("Heure d'hiver");
        long hour = fixtures.motif(night, "Une heure avec le conseiller", 60, 0, 24, 42, 2, false);
        fixtures.open(night, DayOfWeek.SUNDAY, "01:00", "04:00");
        LocalDate sunday = LocalDate.of(2026, 10, 25);
        Instant summer = Instant.parse("2026-10-25T00:00:00Z");
        Instant winter = Instant.parse("2026-10-25T01:00:00Z");

        navigate("territoire/" + night.slug() + "/rendez-vous", BookingWizardView.class);
        click("place-" + night.placeId());
        click("motif-" + hour);
        press("themes-skip");
        press("day-" + sunday);
        assertThat($(NativeButton.class).withClassName("time-choice").all()).extracting(NativeButton::getText)
                .containsExactly("1 h 00", "2 h 00 (heure d’été)", "2 h 00 (heure d’hiver)", "3 h 00");
        assertThat($(NativeButton.class).withClassName("time-choice").all()).extracting(b -> b.getId().orElseThrow())
                .doesNotHaveDuplicates()
                .contains("time-" + summer.getEpochSecond(), "time-" + winter.getEpochSecond());
        click("time-" + winter.getEpochSecond());
        typeContact("Jeanne Martin", "jeanne@" + night.slug() + ".example.org", "");
        press("contact-next");
        assertThat(getCurrentView().getElement().getTextRecursively())
                .contains("dimanche 25 octobre 2026 à 2 h 00 (heure d’hiver)");
        press("confirm-booking");
        assertThat($(Paragraph.class).id("confirmation-date").getText())
                .isEqualTo("dimanche 25 octobre 2026 à 2 h 00 (heure d’hiver)");
        assertThat(jdbc.queryForObject("select start_at from appointment where place_id = ?", java.time.LocalDateTime.class,
                night.placeId())).isEqualTo(java.time.LocalDateTime.ofInstant(winter, java.time.ZoneOffset.UTC));
    }

    @Test
    void a_full_place_points_to_the_other_places_with_free_times() {
        TestTerritory two = territories.create("Deux lieux");
        long help = fixtures.motif(two, "Prendre en main sa tablette", 45, 15, 24, 42, 2, false);
        // Only the town hall receives, on Wednesdays; the library offers the motif but has no time.
        fixtures.open(two, two.advisorId(), two.secondPlaceId(), DayOfWeek.WEDNESDAY, "09:00", "12:00");
        navigate("territoire/" + two.slug() + "/rendez-vous", BookingWizardView.class);
        click("place-" + two.placeId());
        click("motif-" + help);
        press("themes-skip");
        assertThat($(Paragraph.class).id("no-free-day").getText()).startsWith("Il n’y a plus d’horaire libre en ligne");
        assertThat($(Paragraph.class).id("elsewhere-intro").getText())
                .isEqualTo("« Prendre en main sa tablette » a encore des horaires libres dans un autre lieu :");
        assertThat($(NativeButton.class).id("elsewhere-" + two.secondPlaceId()).getElement().getTextRecursively())
                .contains("Mairie Deux lieux", "Premier jour libre : mercredi 2 décembre");
        assertThat($(NativeButton.class).withId("elsewhere-" + two.placeId()).exists()).isFalse();

        click("elsewhere-" + two.secondPlaceId());
        assertThat(title()).isEqualTo("Choisissez un jour");
        press("day-" + TUESDAY.plusDays(1));
        click("time-" + ZonedDateTime.of(TUESDAY.plusDays(1), LocalTime.of(10, 0), ParisTime.ZONE).toInstant().getEpochSecond());
        typeContact("Jeanne Martin", "jeanne@" + two.slug() + ".example.org", "");
        press("contact-next");
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("Mairie Deux lieux, 2 place de la Mairie");
        press("confirm-booking");
        assertThat(jdbc.queryForObject("select place_id from appointment where email = ?", Long.class,
                "jeanne@" + two.slug() + ".example.org")).isEqualTo(two.secondPlaceId());
    }

    @Test
    void back_buttons_keep_what_was_chosen() {
        goToContactStep("0900");
        typeContact("Jeanne Martin", mail("jeanne"), "");
        press("contact-next");
        press("wizard-back");
        assertThat($(TextField.class).id("contact-first-name").getValue()).isEqualTo("Jeanne");
        assertThat($(TextField.class).id("contact-last-name").getValue()).isEqualTo("Martin");
        press("wizard-back");
        assertThat(title()).isEqualTo("Choisissez l’heure");
        press("wizard-back");
        assertThat(title()).isEqualTo("Choisissez un jour");
    }

    @Test
    void an_unknown_territory_is_page_not_found() {
        navigate("territoire/nulle-part-du-tout/rendez-vous", NotFoundView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Page introuvable");
    }

    @Test
    void a_territory_without_motifs_says_to_call() {
        TestTerritory empty = territories.create("Sans motif");
        navigate("territoire/" + empty.slug() + "/rendez-vous", BookingWizardView.class);
        assertThat(getCurrentView().getElement().getTextRecursively())
                .contains("La prise de rendez-vous en ligne n’est pas encore ouverte ici. Appelez le 03 53 01 00 09.");
    }

    @Test
    void when_every_slot_is_taken_the_calendar_says_to_call() {
        for (int hour = 9; hour <= 11; hour++) {
            booking.book(new BookingRequest(territory.placeId(), motif, paris(hour, 0), "Autre", "Personne",
                    mail("autre" + hour), null, false, Set.of(), null, Origin.kiosk("borne")));
        }
        clock.setParis(2026, 12, 1, 9, 0);
        navigate("territoire/" + territory.slug() + "/rendez-vous", BookingWizardView.class);
        click("place-" + territory.placeId());
        click("motif-" + motif);
        press("themes-skip");
        // Tuesday is full and too close; the next Tuesdays are free.
        assertThat($(Button.class).withId("day-" + TUESDAY).exists()).isFalse();
        assertThat($(Button.class).withId("day-" + TUESDAY.plusWeeks(1)).exists()).isTrue();
    }

    @Test
    void a_malformed_address_is_refused_in_french_as_soon_as_it_is_typed() {
        goToContactStep("0900");
        typeContact("Jeanne Martin", "jeanne@", "");
        assertThat($(EmailField.class).id("contact-email").isInvalid()).isTrue();
        assertThat($(EmailField.class).id("contact-email").getErrorMessage())
                .isEqualTo("Cette adresse e-mail n’est pas valide. Exemple : marie.dupont@exemple.fr");
    }

    @Test
    void each_contact_field_says_what_is_wrong_and_nothing_is_saved() {
        goToContactStep("0900");
        typeContact("", "", "");
        press("contact-next");
        assertThat($(TextField.class).id("contact-first-name").isInvalid()).isTrue();
        assertThat($(TextField.class).id("contact-first-name").getErrorMessage()).isEqualTo("Ce champ est obligatoire.");
        assertThat($(TextField.class).id("contact-last-name").getErrorMessage()).isEqualTo("Ce champ est obligatoire.");

        typeContact("1234", "jeanne@", "12");
        press("contact-next");
        assertThat($(TextField.class).id("contact-first-name").getErrorMessage()).isEqualTo("Écrivez le nom avec des lettres.");
        assertThat($(EmailField.class).id("contact-email").getErrorMessage()).startsWith("Cette adresse e-mail n’est pas valide");
        assertThat($(TextField.class).id("contact-phone").getErrorMessage()).startsWith("Ce numéro de téléphone n’est pas valide");
        assertThat(alert()).isEqualTo("Vérifiez les champs signalés en rouge.");

        typeContact("Jeanne Martin", "", "");
        press("contact-next");
        assertThat(alert()).startsWith("Indiquez une adresse e-mail ou un numéro de téléphone");
        assertThat(title()).isEqualTo("Comment vous appelez-vous ?");
        assertThat(bookedAtPlace()).isZero();
    }

    @Test
    void words_that_are_too_long_are_refused_next_to_the_field() {
        navigate("territoire/" + territory.slug() + "/rendez-vous", BookingWizardView.class);
        click("place-" + territory.placeId());
        click("motif-" + motif);
        test($(TextArea.class).id("wizard-needs")).setValue("x".repeat(501));
        press("themes-next");
        assertThat($(TextArea.class).id("wizard-needs").getErrorMessage()).isEqualTo("Ce texte est trop long : 500 caractères au maximum.");
        assertThat(title()).isEqualTo("Que voulez-vous apprendre ?");
    }

    @Test
    void a_slot_taken_meanwhile_brings_back_the_fresh_times_of_the_day() {
        goToContactStep("1000");
        typeContact("Jeanne Martin", mail("jeanne"), "");
        press("contact-next");
        // Someone else, faster, at the kiosk.
        var other = booking.book(new BookingRequest(territory.placeId(), motif, paris(10, 0), "Paul", "Durand",
                mail("paul"), null, false, Set.of(), null, Origin.kiosk("borne-1")));
        assertThat(other).isInstanceOf(PlaceResult.Confirmed.class);

        press("confirm-booking");

        assertThat(title()).isEqualTo("Choisissez l’heure");
        assertThat(alert()).startsWith("Ce créneau vient d’être réservé");
        assertThat($(NativeButton.class).withClassName("time-choice").all()).extracting(NativeButton::getText)
                .containsExactly("9 h 00", "11 h 00");
        click(timeId("1100"));
        press("contact-next");
        press("confirm-booking");
        assertThat($(H1.class).id("booking-confirmed").getText()).isEqualTo("Votre rendez-vous est confirmé");
        assertThat($(Paragraph.class).id("confirmation-date").getText()).isEqualTo("mardi 1er décembre 2026 à 11 h 00");
    }

    @Test
    void when_the_whole_day_was_taken_meanwhile_the_calendar_comes_back() {
        fixtures.open(territory, DayOfWeek.WEDNESDAY, "09:00", "10:00");
        goToContactStep("1000");
        typeContact("Jeanne Martin", mail("jeanne"), "");
        press("contact-next");
        for (int hour = 9; hour <= 11; hour++) {
            booking.book(new BookingRequest(territory.placeId(), motif, paris(hour, 0), "Autre", "Personne",
                    mail("autre" + hour), null, false, Set.of(), null, Origin.kiosk("borne")));
        }
        press("confirm-booking");
        assertThat(title()).as(alert()).isEqualTo("Choisissez un jour");
        assertThat(alert()).startsWith("Ce créneau vient d’être réservé");
        assertThat($(Button.class).withId("day-" + TUESDAY).exists()).isFalse();
        assertThat($(Button.class).withId("day-" + TUESDAY.plusDays(1)).exists()).isTrue();
    }

    @Test
    void a_person_with_two_appointments_to_come_is_told_why_and_whom_to_call() {
        fixtures.open(territory, DayOfWeek.WEDNESDAY, "09:00", "12:00");
        for (int hour = 9; hour <= 10; hour++) {
            booking.book(new BookingRequest(territory.placeId(), motif, paris(hour, 0), "Jeanne", "Martin",
                    mail("jeanne"), null, false, Set.of(), null, Origin.web("203.0.113.9")));
        }
        goToContactStep("1100");
        typeContact("Jeanne Martin", mail("JEANNE"), "");
        press("contact-next");
        press("confirm-booking");
        assertThat(title()).isEqualTo("Vérifiez votre rendez-vous");
        assertThat(alert()).isEqualTo("Vous avez déjà 2 rendez-vous à venir. Pour en prendre un autre, annulez-en un avec"
                + " votre lien ou appelez le 03 53 01 00 09.");
    }

    @Test
    void too_many_bookings_from_one_address_are_refused_kindly() {
        goToContactStep("0900");
        typeContact("Jeanne Martin", mail("jeanne"), "");
        press("contact-next");
        for (int i = 0; i < 20; i++) {
            limiter.tryAcquire("appointment.book", ClientAddress.current(), 10);
        }
        press("confirm-booking");
        assertThat(alert()).isEqualTo("Trop de demandes depuis cet appareil. Merci de réessayer plus tard ou d’appeler le service.");
        assertThat(bookedAtPlace()).isZero();
    }
}
