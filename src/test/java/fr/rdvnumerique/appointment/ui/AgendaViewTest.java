package fr.rdvnumerique.appointment.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.appointment.AgendaService;
import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.AdvisorSchedule;
import fr.rdvnumerique.territory.AdvisorSummary;
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
    @Autowired BookingService booking;
    @Autowired AgendaService agenda;
    @Autowired AdvisorSchedule schedule;
    @Autowired ConflictRetry retry;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired fr.rdvnumerique.appointment.ActivityRecordService records;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

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
                "Atelier « Découvrir sa tablette »", territory.secondPlaceId()));
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
        String[] names = name.split(" ", 2);
        var result = booking.book(new BookingRequest(territory.placeId(), motif, paris(hour, 0), names[0], names[1],
                "p" + hour + "@" + territory.slug() + ".example.org", null, true, Set.of(Theme.EMAIL), "Mes photos",
                Origin.kiosk("borne")));
        return ((PlaceResult.Confirmed<AppointmentCard, FreeSlot>) result).id();
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
        // An atelier says where it is, like an appointment.
        assertThat($(Div.class).withClassName("agenda-entry-atelier").single().getElement().getTextRecursively())
                .contains("Atelier « Découvrir sa tablette »", "Mairie Agenda");
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
    void a_coordinator_sees_every_advisor_side_by_side_then_one_at_a_time() {
        long second = territories.addAdvisor(territory, "Deuxième Conseillère");
        retry.runInTransaction(() -> schedule.claim(second, paris(9, 0), paris(11, 0), "ATELIER_SESSION", 78,
                "Atelier « Mes photos »", territory.placeId()));
        StaffLogin.coordinator(territory.structureId());
        navigate(AgendaView.class);
        @SuppressWarnings("unchecked")
        Select<Object> advisor = $(Select.class).id("agenda-advisor");
        assertThat(advisor.isVisible()).isTrue();
        assertThat(test(advisor).getSuggestions()).containsExactly("Tous les conseillers", "Conseiller Agenda",
                "Deuxième Conseillère");

        // Everyone by default: one column per advisor each day, with what each one does.
        String first = column(territory.advisorId(), TUESDAY);
        String other = column(second, TUESDAY);
        assertThat(first).contains("Conseiller Agenda", "9 h 00 – 9 h 45", "Jeanne Martin", "Atelier « Découvrir sa tablette »")
                .doesNotContain("Mes photos");
        assertThat(other).contains("Deuxième Conseillère", "9 h 00 – 11 h 00", "Atelier « Mes photos »",
                "Médiathèque Agenda").doesNotContain("Jeanne Martin");
        assertThat(column(second, TUESDAY.minusDays(1))).contains("Rien de prévu.");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> mode = $(RadioButtonGroup.class).id("agenda-mode");
        test(mode).selectItem("Jour");
        test($(DatePicker.class).id("agenda-date")).setValue(TUESDAY);
        assertThat($(Div.class).withClassName("agenda-column").all()).hasSize(2);

        // One advisor at a time.
        test(advisor).selectItem("Deuxième Conseillère");
        assertThat($(Div.class).withClassName("agenda-column").all()).isEmpty();
        assertThat(agendaText()).contains("Atelier « Mes photos »").doesNotContain("Jeanne Martin");
        test(advisor).selectItem("Conseiller Agenda");
        assertThat(agendaText()).contains("Jeanne Martin").doesNotContain("Mes photos");
    }

    /** The text of an advisor's column on a day of the "everyone" agenda. */
    private String column(long advisorId, LocalDate day) {
        String heading = fr.rdvnumerique.base.i18n.FrenchDates.day(day);
        heading = Character.toUpperCase(heading.charAt(0)) + heading.substring(1);
        for (var section : $(com.vaadin.flow.component.html.Section.class).withClassName("agenda-day").all()) {
            String title = section.getChildren().findFirst().orElseThrow().getElement().getText();
            if (title.equals(heading)) {
                return descendants(section).filter(c -> c.getId().orElse("").equals("agenda-column-" + advisorId))
                        .findFirst().orElseThrow().getElement().getTextRecursively();
            }
        }
        throw new AssertionError("No day " + heading);
    }

    private static java.util.stream.Stream<com.vaadin.flow.component.Component> descendants(com.vaadin.flow.component.Component c) {
        return c.getChildren().flatMap(child -> java.util.stream.Stream.concat(java.util.stream.Stream.of(child), descendants(child)));
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
        // The journal says who cancelled, without the reason written to the person.
        assertThat(jdbc.queryForList("select concat(kind, ' ', actor_name, ' ', changes) from audit_entry"
                + " where record_type = 'APPOINTMENT' and record_id = ?", String.class, morning))
                .singleElement().asString().startsWith("APPOINTMENT_CANCELLED Personne ")
                .contains("status: BOOKED → CANCELLED").doesNotContain("formation", "Jeanne", "Martin");
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
        assertThat(jdbc.queryForList("select kind from audit_entry where record_type = 'APPOINTMENT' and record_id = ?",
                String.class, morning)).containsExactly("APPOINTMENT_MOVED");
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
        DurationField duration = $(DurationField.class).id("record-duration");
        assertThat(duration.getValue()).isEqualTo(45);
        assertThat(duration.presets().getValue()).as("45 minutes is one of the presets").isEqualTo(45);
        assertThat(duration.presets().getListDataView().getItems().map(duration.presets().getItemLabelGenerator()::apply))
                .containsExactly("15 min", "30 min", "45 min", "60 min", "90 min", "120 min");
        @SuppressWarnings("unchecked")
        Select<Long> place = $(Select.class).id("record-place");
        assertThat(place.getValue()).as("the appointment's place").isEqualTo(territory.placeId());
        press("record-save");
        assertThat($(Paragraph.class).withClassName("form-error").withTextContaining("Vérifiez").exists()).isTrue();
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> autonomyField = $(RadioButtonGroup.class).id("record-autonomy");
        assertThat(autonomyField.getErrorMessage()).isEqualTo("Indiquez le niveau d’autonomie de la personne.");
        assertThat(status(morning)).isEqualTo("BOOKED");

        // A duration that is not a preset is typed beside them.
        test(duration.other()).setValue(50);
        assertThat(duration.getValue()).isEqualTo(50);
        assertThat(duration.presets().getValue()).isNull();

        @SuppressWarnings("unchecked")
        CheckboxGroup<Object> equipment = $(CheckboxGroup.class).id("record-equipment");
        test(equipment).selectItem("Tablette");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> autonomy = $(RadioButtonGroup.class).id("record-autonomy");
        test(autonomy).selectItem("Autonome");
        press("record-save");

        assertThat(status(morning)).as(() -> $(Paragraph.class).withClassName("form-error").all().stream()
                .map(Paragraph::getText).toList().toString()).isEqualTo("DONE");
        var record = jdbc.queryForMap("select autonomy, duration_minutes, taxonomy_version, kind, place_id, commune_id"
                + " from activity_record where appointment_id = ?", morning);
        assertThat(record).containsEntry("autonomy", "AUTONOME").containsEntry("duration_minutes", 50)
                .containsEntry("place_id", territory.placeId()).containsEntry("commune_id", null)
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

    private void chooseSlot(String timeLabel) {
        @SuppressWarnings("unchecked")
        Select<Object> place = $(Select.class).id("staff-booking-place");
        test(place).selectItem("Médiathèque Agenda");
        @SuppressWarnings("unchecked")
        Select<Object> motifs = $(Select.class).id("staff-booking-motif");
        test(motifs).selectItem("Prendre en main sa tablette");
        test($(DatePicker.class).id("staff-booking-day")).setValue(TUESDAY);
        @SuppressWarnings("unchecked")
        Select<Object> time = $(Select.class).id("staff-booking-time");
        test(time).selectItem(timeLabel);
    }

    private String bookingError() {
        return $(Paragraph.class).id("staff-booking-error").getText();
    }

    @Test
    void staff_book_on_someones_behalf_with_what_they_want_to_learn() {
        navigate(AgendaView.class);
        press("agenda-book");
        press("staff-booking-save");
        assertThat(bookingError()).isEqualTo("Choisissez le lieu, le motif et un horaire libre.");

        chooseSlot("10 h 00");
        @SuppressWarnings("unchecked")
        Select<Object> time = $(Select.class).id("staff-booking-time");
        assertThat(test(time).getSuggestions()).containsExactly("10 h 00", "11 h 00");
        @SuppressWarnings("unchecked")
        Select<AdvisorSummary> advisor = $(Select.class).id("staff-booking-advisor");
        assertThat(advisor.getValue()).as("the agenda's advisor, free then").extracting(AdvisorSummary::id)
                .isEqualTo(territory.advisorId());
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Object> themes = $(MultiSelectComboBox.class).id("staff-booking-themes");
        test(themes).selectItem("Banque et achats en ligne");

        // Each field says what is wrong, next to it; the limits are those of the domain.
        TextField name = $(TextField.class).id("staff-booking-first-name");
        EmailField email = $(EmailField.class).id("staff-booking-email");
        TextField phone = $(TextField.class).id("staff-booking-phone");
        assertThat(name.getMaxLength()).isEqualTo(80);
        assertThat(email.getMaxLength()).isEqualTo(254);
        assertThat(phone.getMaxLength()).isEqualTo(40);
        test(name).setValue("3000");
        test(email).setValue("marcel@");
        test(phone).setValue("12");
        press("staff-booking-save");
        assertThat(bookingError()).isEqualTo("Vérifiez les champs signalés en rouge.");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Écrivez le nom avec des lettres.");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isNotBlank();
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).isEqualTo(getTranslation("validation.phone"));
        test(email).setValue("");
        test(phone).setValue("");
        test(name).setValue("Marcel");
        test($(TextField.class).id("staff-booking-last-name")).setValue("Dupuis");
        press("staff-booking-save");
        assertThat(name.isInvalid()).isFalse();
        assertThat(phone.getErrorMessage()).isEqualTo("Indiquez une adresse e-mail ou un numéro de téléphone, pour que nous puissions vous joindre.");
        assertThat(countAt(10)).isZero();

        test(phone).setValue(AppointmentFixtures.uniquePhone());
        press("staff-booking-save");

        assertThat(agendaText()).contains("Marcel Dupuis", "10 h 00 – 10 h 45");
        var row = jdbc.queryForMap("select a.channel, a.advisor_id, t.theme from appointment a join appointment_theme t"
                + " on t.appointment_id = a.id where a.person_name = 'Marcel Dupuis' and a.place_id = ?", territory.placeId());
        assertThat(row).containsEntry("channel", "STAFF").containsEntry("advisor_id", territory.advisorId())
                .containsEntry("theme", "BANQUE_ET_ACHATS_EN_LIGNE");
    }

    @Test
    void staff_booking_records_how_the_person_wants_to_be_told_and_it_is_honoured() {
        navigate(AgendaView.class);
        press("agenda-book");
        chooseSlot("10 h 00");
        test($(TextField.class).id("staff-booking-first-name")).setValue("Odette");
        test($(TextField.class).id("staff-booking-last-name")).setValue("Renaud");
        long n = System.nanoTime() % 1_000_000;
        test($(TextField.class).id("staff-booking-phone")).setValue(
                String.format("03 83 %02d %02d %02d", n / 10_000, (n / 100) % 100, n % 100));
        @SuppressWarnings("unchecked")
        Select<Object> noticeBy = $(Select.class).id("staff-booking-notice-by");
        test(noticeBy).selectItem("Par SMS");
        press("staff-booking-save");
        assertThat(noticeBy.isInvalid()).as("a landline gets no text message").isTrue();
        assertThat(noticeBy.getErrorMessage()).isEqualTo("Pour prévenir par SMS, saisissez un numéro de portable (06 ou 07).");
        assertThat(countAt(10)).isZero();

        test(noticeBy).selectItem("Nous l’appelons");
        press("staff-booking-save");
        assertThat(agendaText()).contains("Odette Renaud");
        long id = jdbc.queryForObject("select id from appointment where person_name = 'Odette Renaud' and place_id = ?",
                Long.class, territory.placeId());
        assertThat(jdbc.queryForObject("select notice_by from appointment where id = ?", String.class, id))
                .isEqualTo("PHONE_CALL");
        fr.rdvnumerique.testing.EventListeners.awaitIdle(jdbc);
        assertThat(jdbc.queryForList("select kind from call_task where subject_type = 'APPOINTMENT' and subject_id = ?",
                String.class, id)).as("the confirmation is a call on « À appeler »").containsExactly("CONFIRMATION");
    }

    private String getTranslation(String key) {
        return com.vaadin.flow.component.UI.getCurrent().getTranslation(key);
    }

    private int countAt(int hour) {
        return jdbc.queryForObject("select count(*) from appointment where place_id = ? and start_at = ? and status = 'BOOKED'",
                Integer.class, territory.placeId(), java.time.LocalDateTime.ofInstant(paris(hour, 0), java.time.ZoneOffset.UTC));
    }

    @Test
    void staff_are_told_when_the_agenda_advisor_is_busy_and_choose_another() {
        long second = territories.addAdvisor(territory, "Deuxième Conseillère");
        fixtures.open(territory, second, territory.placeId(), DayOfWeek.TUESDAY, "09:00", "12:00");
        StaffLogin.coordinator(territory.structureId());
        navigate(AgendaView.class);
        @SuppressWarnings("unchecked")
        Select<Object> who = $(Select.class).id("agenda-advisor");
        test(who).selectItem("Conseiller Agenda");
        press("agenda-book");
        // 9:00: Jeanne Martin is with the agenda's advisor; only the second advisor is free.
        chooseSlot("9 h 00");
        @SuppressWarnings("unchecked")
        Select<AdvisorSummary> advisor = $(Select.class).id("staff-booking-advisor");
        assertThat(advisor.getValue()).isNull();
        assertThat(advisor.getHelperText()).isEqualTo("Conseiller Agenda n’est pas libre à cet horaire.");
        assertThat(test(advisor).getSuggestions()).contains("Deuxième Conseillère").doesNotContain("Conseiller Agenda");
        test(advisor).selectItem("Deuxième Conseillère");
        test($(TextField.class).id("staff-booking-first-name")).setValue("Paul");
        test($(TextField.class).id("staff-booking-last-name")).setValue("Durand");
        test($(TextField.class).id("staff-booking-phone")).setValue(AppointmentFixtures.uniquePhone());
        press("staff-booking-save");
        assertThat(jdbc.queryForObject("select advisor_id from appointment where person_name = 'Paul Durand' and place_id = ?",
                Long.class, territory.placeId())).isEqualTo(second);

        // The service refuses a busy advisor rather than giving the person to someone else.
        book(10, "Autre Personne");
        assertThat(jdbc.queryForObject("select advisor_id from appointment where person_name = 'Autre Personne' and place_id = ?",
                Long.class, territory.placeId())).isEqualTo(territory.advisorId());
        assertThat(agenda.book(new BookingRequest(territory.placeId(), motif, paris(10, 0), "Léa", "Petit", null,
                AppointmentFixtures.uniquePhone(), true, Set.of(), null, Origin.staff(), territory.advisorId())))
                .isInstanceOfSatisfying(PlaceResult.Refused.class,
                        e -> assertThat(e.messageKey()).isEqualTo("appointment.advisor.not-free"));
        assertThat(countAt(10)).isEqualTo(1);
    }

    @Test
    void a_slot_taken_while_the_booking_dialog_is_open_is_explained_and_the_times_are_fresh() {
        navigate(AgendaView.class);
        press("agenda-book");
        chooseSlot("10 h 00");
        test($(TextField.class).id("staff-booking-first-name")).setValue("Marcel");
        test($(TextField.class).id("staff-booking-last-name")).setValue("Dupuis");
        test($(TextField.class).id("staff-booking-phone")).setValue(AppointmentFixtures.uniquePhone());
        book(10, "Plus Rapide");
        press("staff-booking-save");
        assertThat(bookingError()).isEqualTo("Ce créneau vient d’être réservé par quelqu’un d’autre. Choisissez un autre horaire ci-dessous.");
        @SuppressWarnings("unchecked")
        Select<Object> time = $(Select.class).id("staff-booking-time");
        assertThat(test(time).getSuggestions()).containsExactly("11 h 00");
        assertThat($(TextField.class).id("staff-booking-first-name").getValue()).as("nothing typed is lost").isEqualTo("Marcel");
        assertThat($(TextField.class).id("staff-booking-last-name").getValue()).as("nothing typed is lost").isEqualTo("Dupuis");
        assertThat(jdbc.queryForObject("select count(*) from appointment where person_name = 'Marcel Dupuis' and place_id = ?",
                Integer.class, territory.placeId())).isZero();
    }

    @Test
    void a_time_taken_while_moving_is_explained_and_the_appointment_stays() {
        navigate(AgendaView.class);
        press("open-" + morning);
        press("appointment-move");
        test($(DatePicker.class).id("move-day")).setValue(TUESDAY);
        @SuppressWarnings("unchecked")
        Select<Object> time = $(Select.class).id("move-time");
        test(time).selectItem("11 h 00");
        book(11, "Plus Rapide");
        press("move-confirm");
        assertThat(dialogError()).isEqualTo("Ce créneau vient d’être réservé par quelqu’un d’autre. Choisissez un autre horaire ci-dessous.");
        assertThat(jdbc.queryForObject("select sequence from appointment where id = ?", Integer.class, morning)).isZero();
        assertThat(countAt(9)).isEqualTo(1);
    }

    @Test
    void a_record_filled_meanwhile_elsewhere_is_not_filled_twice() {
        clock.setParis(2026, 12, 1, 9, 50);
        navigate(AgendaView.class);
        press("open-" + morning);
        press("appointment-done");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Object> equipment = $(CheckboxGroup.class).id("record-equipment");
        test(equipment).selectItem("Tablette");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> autonomy = $(RadioButtonGroup.class).id("record-autonomy");
        test(autonomy).selectItem("Autonome");
        // A colleague (or a second tab) records it first.
        records.recordForAppointment(morning, complete(records.prefill(morning)));
        press("record-save");
        assertThat($(Paragraph.class).withClassName("form-error").all()).extracting(Paragraph::getText)
                .contains("Le compte rendu de ce rendez-vous est déjà rempli.");
        assertThat(jdbc.queryForObject("select count(*) from activity_record where appointment_id = ?", Integer.class,
                morning)).isEqualTo(1);
    }

    private static fr.rdvnumerique.appointment.ActivityRecordForm complete(fr.rdvnumerique.appointment.ActivityRecordForm f) {
        return new fr.rdvnumerique.appointment.ActivityRecordForm(f.date(), f.durationMinutes(), f.location(), f.placeId(),
                f.communeId(), f.themes(), f.administrativeThemes(), fr.rdvnumerique.base.taxonomy.AutonomyLevel.AUTONOME,
                Set.of(fr.rdvnumerique.base.taxonomy.EquipmentUsed.TABLETTE), false, null, f.ageBand(), f.gender(),
                f.occupation(), null, null);
    }

    @Test
    void an_appointment_given_to_a_colleague_meanwhile_is_out_of_reach() {
        long colleague = territories.addAdvisor(territory, "Collègue");
        navigate(AgendaView.class);
        press("open-" + morning);
        press("appointment-cancel");
        test($(TextArea.class).id("cancel-reason")).setValue("Empêchement");
        // The coordinator hands the appointment over to a colleague meanwhile.
        jdbc.update("update appointment set advisor_id = ? where id = ?", colleague, morning);
        press("cancel-confirm");
        assertThat(dialogError()).isEqualTo("Vous n’avez pas accès à cette information.");
        assertThat(status(morning)).isEqualTo("BOOKED");
    }

    @Test
    void when_the_database_stays_busy_staff_are_asked_to_try_again() throws Exception {
        navigate(AgendaView.class);
        press("open-" + morning);
        press("appointment-cancel");
        test($(TextArea.class).id("cancel-reason")).setValue("Empêchement");
        // Another transaction holds the appointment's row for good; lock waits give up at once (error 1205).
        fr.rdvnumerique.testing.LockWaits.failFast(dataSource);
        var locked = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var holder = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var held = holder.submit(() -> transactions.executeWithoutResult(status -> {
                jdbc.queryForObject("select id from appointment where id = ? for update", Long.class, morning);
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            locked.await();
            press("cancel-confirm");
            assertThat(dialogError()).isEqualTo("Le service est très demandé en ce moment. Merci de réessayer dans quelques secondes.");
            release.countDown();
            held.get();
        } finally {
            release.countDown();
            holder.shutdown();
            fr.rdvnumerique.testing.LockWaits.restore(dataSource);
        }
        assertThat(status(morning)).isEqualTo("BOOKED");
    }

    @Test
    void an_agenda_entry_shows_its_status() {
        navigate(AgendaView.class);
        assertThat($(Span.class).withClassName("status-badge").all()).extracting(Span::getText).containsExactly("Confirmé");
    }
}
