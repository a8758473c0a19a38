package fr.rdvnumerique.appointment.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.appointment.AgendaService;
import fr.rdvnumerique.appointment.AppointmentBooking;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingResult;
import fr.rdvnumerique.appointment.Channel;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.AdvisorSchedule;
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
import org.springframework.security.access.AccessDeniedException;

/** The advisor's agenda and what staff do from it, with the refusals they can meet. */
@IntegrationTest
class AgendaViewTest extends SpringBrowserlessTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures fixtures;
    @Autowired AppointmentBooking booking;
    @Autowired AgendaService agenda;
    @Autowired AdvisorSchedule schedule;
    @Autowired ConflictRetry retry;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    TestTerritory territory;
    long motif;
    long morning;

    @BeforeEach
    void agenda() {
        clock.setParis(2026, 11, 30, 9, 0);
        territory = territories.create("Agenda");
        motif = fixtures.motif(territory);
        fixtures.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
        morning = book(9, "Jeanne Martin");
        retry.runInTransaction(() -> schedule.claim(territory.advisorId(), paris(14, 0), paris(16, 0), "ATELIER_SESSION", 77,
                "Atelier « Découvrir sa tablette »"));
        StaffLogin.advisor(territory.structureId(), territory.advisorId());
    }

    @AfterEach
    void reset() {
        clock.reset();
        StaffLogin.signOut();
    }

    private static Instant paris(int hour, int minute) {
        return ZonedDateTime.of(TUESDAY, LocalTime.of(hour, minute), ParisTime.ZONE).toInstant();
    }

    private long book(int hour, String name) {
        var result = booking.book(new BookingRequest(territory.placeId(), motif, paris(hour, 0), name,
                "p" + hour + "@" + territory.slug() + ".example.org", null, true, Set.of(Theme.EMAIL), "Mes photos",
                Channel.KIOSK, "borne", null));
        return ((BookingResult.Booked) result).appointmentId();
    }

    private void press(String id) {
        test($(Button.class).id(id)).click();
    }

    private String agendaText() {
        return $(com.vaadin.flow.component.html.Div.class).withClassName("agenda-days").single().getElement().getTextRecursively();
    }

    private String status(long id) {
        return jdbc.queryForObject("select status from appointment where id = ?", String.class, id);
    }

    private String dialogError() {
        return $(Paragraph.class).id("appointment-error").getText();
    }

    @Test
    void an_advisor_sees_the_week_with_appointments_and_atelier_sessions() {
        navigate(AgendaView.class);
        String text = agendaText();
        assertThat(text).contains("Mardi 1er décembre 2026", "9 h 00 – 9 h 45", "Prendre en main sa tablette", "Jeanne Martin",
                "14 h 00 – 16 h 00", "Atelier « Découvrir sa tablette »", "Lundi 30 novembre 2026", "Rien de prévu.");
        assertThat($(Select.class).withId("agenda-advisor").exists()).as("an advisor sees their own agenda only").isFalse();
        // Day view of the Monday: nothing.
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> mode = $(RadioButtonGroup.class).id("agenda-mode");
        test(mode).selectItem("Jour");
        assertThat(agendaText()).contains("Lundi 30 novembre 2026", "Rien de prévu.").doesNotContain("Jeanne Martin");
        press("agenda-next");
        assertThat(agendaText()).contains("Jeanne Martin");
    }

    @Test
    void a_coordinator_switches_between_the_advisors_of_the_structure() {
        long second = territories.addAdvisor(territory, "Deuxième Conseillère");
        StaffLogin.coordinator(territory.structureId());
        navigate(AgendaView.class);
        @SuppressWarnings("unchecked")
        Select<Object> advisor = $(Select.class).id("agenda-advisor");
        assertThat(advisor.isVisible()).isTrue();
        test(advisor).selectItem("Deuxième Conseillère");
        assertThat(agendaText()).doesNotContain("Jeanne Martin");
        test(advisor).selectItem("Conseiller Agenda");
        assertThat(agendaText()).contains("Jeanne Martin");
        assertThat(second).isPositive();
    }

    @Test
    void an_advisor_cannot_read_a_colleague_or_another_structure() {
        long colleague = territories.addAdvisor(territory, "Collègue");
        assertThatThrownBy(() -> agenda.agenda(colleague, TUESDAY, TUESDAY)).isInstanceOf(AccessDeniedException.class);
        TestTerritory other = territories.create("Autre agenda");
        StaffLogin.coordinator(other.structureId());
        assertThatThrownBy(() -> agenda.appointment(morning)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> agenda.cancel(morning, "Intrusion")).isInstanceOf(AccessDeniedException.class);
        assertThat(status(morning)).isEqualTo("BOOKED");
    }

    @Test
    void cancelling_needs_a_reason_told_to_the_person() {
        navigate(AgendaView.class);
        press("open-" + morning);
        press("appointment-cancel");
        press("cancel-confirm");
        assertThat(dialogError()).isEqualTo("Ce champ est obligatoire.");
        assertThat(status(morning)).isEqualTo("BOOKED");
        test($(TextArea.class).id("cancel-reason")).setValue("Le conseiller est en formation ce jour-là.");
        press("cancel-confirm");
        assertThat(status(morning)).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select cancel_reason from appointment where id = ?", String.class, morning))
                .isEqualTo("Le conseiller est en formation ce jour-là.");
        assertThat(agendaText()).contains("Annulé");
    }

    @Test
    void moving_offers_the_free_times_of_the_chosen_day() {
        book(10, "Paul Durand");
        navigate(AgendaView.class);
        press("open-" + morning);
        press("appointment-move");
        press("move-confirm");
        assertThat(dialogError()).isEqualTo("Choisissez un horaire.");
        test($(DatePicker.class).id("move-day")).setValue(TUESDAY);
        @SuppressWarnings("unchecked")
        Select<Object> time = $(Select.class).id("move-time");
        assertThat(test(time).getSuggestions()).containsExactly("11 h 00");
        test(time).selectItem("11 h 00");
        press("move-confirm");
        assertThat(agendaText()).contains("11 h 00 – 11 h 45");
        assertThat(jdbc.queryForObject("select sequence from appointment where id = ?", Integer.class, morning)).isEqualTo(1);
    }

    @Test
    void after_the_appointment_the_record_comes_pre_filled_and_is_done_in_a_few_taps() {
        clock.setParis(2026, 12, 1, 9, 50);
        navigate(AgendaView.class);
        press("open-" + morning);
        press("appointment-done");

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Theme> themes = $(MultiSelectComboBox.class).id("record-themes");
        assertThat(themes.getValue()).containsExactlyInAnyOrder(Theme.EMAIL, Theme.PRENDRE_EN_MAIN_DU_MATERIEL);
        assertThat($(IntegerField.class).id("record-duration").getValue()).isEqualTo(45);
        press("record-save");
        assertThat($(Paragraph.class).withClassName("form-error").withTextContaining("Vérifiez").exists()).isTrue();
        assertThat(status(morning)).isEqualTo("BOOKED");

        @SuppressWarnings("unchecked")
        CheckboxGroup<Object> equipment = $(CheckboxGroup.class).id("record-equipment");
        test(equipment).selectItem("Tablette");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> autonomy = $(RadioButtonGroup.class).id("record-autonomy");
        test(autonomy).selectItem("Autonome");
        press("record-save");

        assertThat(status(morning)).as(() -> $(Paragraph.class).withClassName("form-error").all().stream()
                .map(Paragraph::getText).toList().toString()).isEqualTo("DONE");
        var record = jdbc.queryForMap("select autonomy, duration_minutes, taxonomy_version, kind from activity_record"
                + " where appointment_id = ?", morning);
        assertThat(record).containsEntry("autonomy", "AUTONOME").containsEntry("duration_minutes", 45)
                .containsEntry("taxonomy_version", "cra-v2-2025-04").containsEntry("kind", "RENDEZ_VOUS");
        assertThat(jdbc.queryForList("select equipment from activity_record_equipment e join activity_record r on r.id = e.record_id"
                + " where r.appointment_id = ?", String.class, morning)).containsExactly("TABLETTE");
    }

    @Test
    void marking_done_or_no_show_waits_for_the_appointment() {
        navigate(AgendaView.class);
        press("open-" + morning);
        assertThat($(Button.class).withId("appointment-no-show").exists()).isFalse();
        assertThatThrownBy(() -> agenda.markNoShow(morning)).hasMessageContaining("appointment.not-started");
        clock.setParis(2026, 12, 1, 9, 20);
        navigate(AgendaView.class);
        press("open-" + morning);
        press("appointment-no-show");
        assertThat(status(morning)).isEqualTo("NO_SHOW");
    }

    @Test
    void staff_book_on_someones_behalf() {
        navigate(AgendaView.class);
        press("agenda-book");
        press("staff-booking-save");
        assertThat($(Paragraph.class).id("staff-booking-error").getText()).isEqualTo("Choisissez le lieu, le motif et un horaire libre.");

        @SuppressWarnings("unchecked")
        Select<Object> place = $(Select.class).id("staff-booking-place");
        test(place).selectItem("Médiathèque Agenda");
        @SuppressWarnings("unchecked")
        Select<Object> motifs = $(Select.class).id("staff-booking-motif");
        test(motifs).selectItem("Prendre en main sa tablette");
        test($(DatePicker.class).id("staff-booking-day")).setValue(TUESDAY);
        @SuppressWarnings("unchecked")
        Select<Object> time = $(Select.class).id("staff-booking-time");
        assertThat(test(time).getSuggestions()).containsExactly("10 h 00", "11 h 00");
        test(time).selectItem("10 h 00");
        test($(TextField.class).id("staff-booking-name")).setValue("3000");
        press("staff-booking-save");
        assertThat($(Paragraph.class).id("staff-booking-error").getText()).isEqualTo("Écrivez le nom avec des lettres.");

        test($(TextField.class).id("staff-booking-name")).setValue("Marcel Dupuis");
        test($(TextField.class).id("staff-booking-phone")).setValue(AppointmentFixtures.uniquePhone());
        press("staff-booking-save");

        assertThat(agendaText()).contains("Marcel Dupuis", "10 h 00 – 10 h 45");
        assertThat(jdbc.queryForObject("select channel from appointment where person_name = 'Marcel Dupuis' and place_id = ?",
                String.class, territory.placeId())).isEqualTo("STAFF");
    }

    @Test
    void an_agenda_entry_shows_its_status() {
        navigate(AgendaView.class);
        assertThat($(Span.class).withClassName("status-badge").all()).extracting(Span::getText).containsExactly("Confirmé");
    }
}
