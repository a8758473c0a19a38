package fr.rdvnumerique.appointment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.AppointmentStatus;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.time.ParisTime;
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

/** The private link's page: see, cancel, move, and what happens when it is too late or the link is wrong. */
@IntegrationTest
class ManageAppointmentViewTest extends SpringBrowserlessTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures fixtures;
    @Autowired BookingService booking;
    @Autowired TestClock clock;
    @Autowired RateLimiter limiter;

    TestTerritory territory;
    long motif;
    String token;

    @BeforeEach
    void booked() {
        limiter.reset();
        clock.setParis(2026, 11, 30, 9, 0);
        territory = territories.create("Gestion");
        motif = fixtures.motif(territory);
        fixtures.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
        token = ((PlaceResult.Confirmed<AppointmentCard, FreeSlot>) book(9, "claire")).managementToken();
    }

    @AfterEach
    void reset() {
        clock.reset();
        limiter.reset();
    }

    private PlaceResult<AppointmentCard, FreeSlot> book(int hour, String who) {
        return booking.book(new BookingRequest(territory.placeId(), motif,
                ZonedDateTime.of(TUESDAY, LocalTime.of(hour, 0), ParisTime.ZONE).toInstant(), "Claire", "Dubois",
                who + "@" + territory.slug() + ".example.org", null, true, Set.of(), null, Origin.kiosk("borne-1")));
    }

    /** The time button of 1 December at {@code hour}:00, identified by the slot's instant. */
    private static String timeId(int hour) {
        return "time-" + ZonedDateTime.of(TUESDAY, LocalTime.of(hour, 0), ParisTime.ZONE).toInstant().getEpochSecond();
    }

    private void open() {
        navigate("rendez-vous/" + token, ManageAppointmentView.class);
    }

    private String text() {
        return getCurrentView().getElement().getTextRecursively();
    }

    private void press(String id) {
        test($(Button.class).id(id)).click();
    }

    @Test
    void the_page_shows_when_and_where() {
        open();
        assertThat($(H1.class).id("manage-title").getText()).isEqualTo("Mon rendez-vous");
        assertThat($(Paragraph.class).id("manage-date").getText()).isEqualTo("mardi 1er décembre 2026 à 9 h 00");
        assertThat($(Span.class).id("manage-status").getText()).isEqualTo("Confirmé");
        assertThat(text()).contains("Médiathèque Gestion", "1 rue de la Paix", "Prendre en main sa tablette");
    }

    @Test
    void the_person_cancels_after_confirming() {
        open();
        press("manage-cancel");
        assertThat(text()).contains("Voulez-vous vraiment annuler votre rendez-vous du mardi 1er décembre 2026 à 9 h 00, "
                + "à la Médiathèque Gestion ?");
        press("cancel-no");
        assertThat($(Span.class).id("manage-status").getText()).isEqualTo("Confirmé");
        press("manage-cancel");
        press("cancel-yes");
        assertThat($(Span.class).id("manage-status").getText()).isEqualTo("Annulé");
        assertThat($(Paragraph.class).id("manage-notice").getText()).isEqualTo("Votre rendez-vous est annulé. Merci d’avoir prévenu.");
        assertThat($(Button.class).withId("manage-cancel").exists()).isFalse();
        assertThat($(Anchor.class).id("book-again").getHref()).isEqualTo("territoire/" + territory.slug() + "/rendez-vous");
        // Nothing tells the person to go anywhere for an appointment that will not happen.
        assertThat(text()).doesNotContain("Où aller", "1 rue de la Paix");
        assertThat(booking.findByToken(token).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void the_person_moves_to_another_time() {
        open();
        press("manage-move");
        press("day-" + TUESDAY);
        assertThat($(NativeButton.class).withClassName("time-choice").all()).extracting(NativeButton::getText)
                .containsExactly("10 h 00", "11 h 00");
        test($(NativeButton.class).id(timeId(11))).click();
        assertThat($(Paragraph.class).id("move-question").getText()).isEqualTo("Votre rendez-vous du mardi 1er décembre"
                + " 2026 à 9 h 00 passera au mardi 1er décembre 2026 à 11 h 00. Voulez-vous le déplacer ?");
        assertThat(booking.findByToken(token).orElseThrow().start()).as("nothing moved before the person says yes")
                .isEqualTo(ZonedDateTime.of(TUESDAY, LocalTime.of(9, 0), ParisTime.ZONE).toInstant());
        press("move-yes");
        assertThat($(Paragraph.class).id("manage-notice").getText())
                .isEqualTo("C’est noté : votre rendez-vous est maintenant le mardi 1er décembre 2026 à 11 h 00.");
        assertThat($(Paragraph.class).id("manage-date").getText()).isEqualTo("mardi 1er décembre 2026 à 11 h 00");
    }

    @Test
    void moving_within_the_repeated_october_hour_tells_both_times_apart() {
        // Sunday 25 October 2026: 2:00 comes twice (summer time, then winter time).
        clock.setParis(2026, 10, 20, 9, 0);
        TestTerritory night = territories.create("Nuit d'octobre");
        long hour = fixtures.motif(night, "Une heure avec le conseiller", 60, 0, 24, 42, 2, false);
        fixtures.open(night, DayOfWeek.SUNDAY, "01:00", "04:00");
        var booked = (PlaceResult.Confirmed<AppointmentCard, FreeSlot>) booking.book(new BookingRequest(night.placeId(), hour,
                java.time.Instant.parse("2026-10-24T23:00:00Z"), "Claire", "Dubois", "claire@" + night.slug() + ".example.org",
                null, true, Set.of(), null, Origin.kiosk("borne-1")));
        navigate("rendez-vous/" + booked.managementToken(), ManageAppointmentView.class);
        press("manage-move");
        press("day-2026-10-25");
        assertThat($(NativeButton.class).withClassName("time-choice").all()).extracting(NativeButton::getText)
                .containsExactly("2 h 00 (heure d’été)", "2 h 00 (heure d’hiver)", "3 h 00");
        java.time.Instant winter = java.time.Instant.parse("2026-10-25T01:00:00Z");
        test($(NativeButton.class).id("time-" + winter.getEpochSecond())).click();
        press("move-yes");
        assertThat($(Paragraph.class).id("manage-date").getText()).isEqualTo("dimanche 25 octobre 2026 à 2 h 00 (heure d’hiver)");
        assertThat(booking.findByToken(booked.managementToken()).orElseThrow().start()).isEqualTo(winter);
    }

    @Test
    void a_time_taken_meanwhile_is_explained_and_the_calendar_is_fresh() {
        open();
        press("manage-move");
        press("day-" + TUESDAY);
        assertThat(book(11, "paul")).isInstanceOf(PlaceResult.Confirmed.class);
        test($(NativeButton.class).id(timeId(11))).click();
        press("move-yes");
        assertThat($(Paragraph.class).id("manage-alert").getText()).startsWith("Ce créneau vient d’être réservé");
        press("day-" + TUESDAY);
        assertThat($(NativeButton.class).withClassName("time-choice").all()).extracting(NativeButton::getText)
                .containsExactly("10 h 00");
        assertThat(booking.findByToken(token).orElseThrow().start())
                .isEqualTo(ZonedDateTime.of(TUESDAY, LocalTime.of(9, 0), ParisTime.ZONE).toInstant());
    }

    @Test
    void the_person_gives_another_email_from_the_link() {
        open();
        press("manage-change-contact");
        test($(com.vaadin.flow.component.textfield.EmailField.class).id("manage-contact-email"))
                .setValue("claire.nouvelle@" + territory.slug() + ".example.org");
        press("manage-contact-save");
        assertThat($(Paragraph.class).id("manage-notice").getText())
                .isEqualTo("C’est noté : les prochains messages iront aux nouvelles coordonnées.");
        assertThat(booking.findByToken(token).orElseThrow().email())
                .isEqualTo("claire.nouvelle@" + territory.slug() + ".example.org");
    }

    @Test
    void removing_both_email_and_phone_is_refused_next_to_the_fields() {
        open();
        press("manage-change-contact");
        test($(com.vaadin.flow.component.textfield.EmailField.class).id("manage-contact-email")).setValue("");
        press("manage-contact-save");
        assertThat($(com.vaadin.flow.component.textfield.EmailField.class).id("manage-contact-email").isInvalid()).isTrue();
        assertThat(booking.findByToken(token).orElseThrow().email()).isEqualTo("claire@" + territory.slug() + ".example.org");
    }

    @Test
    void saying_no_to_the_new_time_moves_nothing_and_shows_the_times_again() {
        open();
        press("manage-move");
        press("day-" + TUESDAY);
        test($(NativeButton.class).id(timeId(11))).click();
        press("move-no");
        assertThat($(NativeButton.class).withClassName("time-choice").all()).extracting(NativeButton::getText)
                .containsExactly("10 h 00", "11 h 00");
        assertThat(booking.findByToken(token).orElseThrow().start())
                .isEqualTo(ZonedDateTime.of(TUESDAY, LocalTime.of(9, 0), ParisTime.ZONE).toInstant());
    }

    @Test
    void after_the_cut_off_the_page_gives_the_phone_number_instead_of_buttons() {
        clock.setParis(2026, 12, 1, 7, 30);
        open();
        assertThat($(Button.class).withId("manage-cancel").exists()).isFalse();
        assertThat($(Button.class).withId("manage-move").exists()).isFalse();
        assertThat(text()).contains("Il est trop tard pour changer ce rendez-vous en ligne (moins de 2 heures avant)."
                + " En cas d’empêchement, appelez le 03 53 01 00 09.");
    }

    @Test
    void a_cut_off_reached_while_the_page_was_open_is_refused_with_a_sentence() {
        open();
        press("manage-cancel");
        clock.setParis(2026, 12, 1, 8, 0);
        press("cancel-yes");
        assertThat($(Paragraph.class).id("manage-alert").getText()).startsWith("Il est trop tard pour changer ce rendez-vous en ligne");
        assertThat($(Span.class).id("manage-status").getText()).isEqualTo("Confirmé");
    }

    @Test
    void a_wrong_or_malformed_link_says_so_kindly() {
        navigate("rendez-vous/" + "A".repeat(43), ManageAppointmentView.class);
        assertThat($(H1.class).id("manage-title").getText()).isEqualTo("Rendez-vous introuvable");
        navigate("rendez-vous/n'importe-quoi<script>", ManageAppointmentView.class);
        assertThat($(H1.class).id("manage-title").getText()).isEqualTo("Rendez-vous introuvable");
    }

    @Test
    void too_many_lookups_from_one_address_are_refused() {
        for (int i = 0; i < 130; i++) {
            limiter.tryAcquire("appointment.manage", fr.rdvnumerique.base.web.ClientAddress.current(), 120);
        }
        open();
        assertThat(text()).contains("Trop de demandes depuis cet appareil.");
    }
}
