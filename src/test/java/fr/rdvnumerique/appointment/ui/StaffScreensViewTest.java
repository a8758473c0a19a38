package fr.rdvnumerique.appointment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Coordinators set up motifs, opening hours, absences and closures; advisors record walk-in help. */
@IntegrationTest
class StaffScreensViewTest extends SpringBrowserlessTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures fixtures;
    @Autowired BookingService booking;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    TestTerritory territory;

    @BeforeEach
    void signIn() {
        clock.setParis(2026, 11, 30, 9, 0);
        territory = territories.create("Réglages");
        StaffLogin.coordinator(territory.structureId());
    }

    @AfterEach
    void reset() {
        clock.reset();
        StaffLogin.signOut();
    }

    private void press(String text) {
        test($(Button.class).withText(text).single()).click();
    }

    private String formError() {
        return $(Paragraph.class).withClassName("form-error").single().getText();
    }

    private boolean dialogOpen() {
        return $(Dialog.class).all().stream().anyMatch(Dialog::isOpened);
    }

    @Test
    void a_coordinator_creates_a_motif_and_residents_can_choose_it() {
        navigate(MotifsView.class);
        press("Ajouter un motif");
        test($(TextField.class).id("motif-label")).setValue("Sécuriser mon téléphone <script>");
        test($(TextField.class).id("motif-label")).setValue("");
        test($(Button.class).id("motif-save")).click();
        assertThat($(TextField.class).id("motif-label").getErrorMessage()).isEqualTo("Ce champ est obligatoire.");
        assertThat($(MultiSelectComboBox.class).id("motif-places").getErrorMessage()).isEqualTo("Choisissez au moins un lieu.");
        assertThat(dialogOpen()).isTrue();

        test($(TextField.class).id("motif-label")).setValue("Sécuriser mon téléphone");
        test($(IntegerField.class).id("motif-duration")).setValue(30);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Object> places = $(MultiSelectComboBox.class).id("motif-places");
        test(places).selectItem("Médiathèque Réglages");
        test($(Button.class).id("motif-save")).click();

        assertThat(dialogOpen()).isFalse();
        assertThat(booking.motifsAt(territory.placeId())).extracting(m -> m.label() + " " + m.durationMinutes())
                .containsExactly("Sécuriser mon téléphone 30");
    }

    @Test
    void opening_hours_need_an_advisor_who_works_at_the_place_and_an_end_after_the_start() {
        long motif = fixtures.motif(territory);
        long outsider = territories.addAdvisor(territory, "Conseillère Ailleurs");
        jdbc.update("delete from advisor_place where advisor_id = ? and place_id = ?", outsider, territory.placeId());
        navigate(OpeningHoursView.class);
        press("Ajouter une plage");
        @SuppressWarnings("unchecked")
        Select<Object> advisor = $(Select.class).id("hours-advisor");
        test(advisor).selectItem("Conseillère Ailleurs");
        @SuppressWarnings("unchecked")
        Select<Object> place = $(Select.class).id("hours-place");
        test(place).selectItem("Médiathèque Réglages");
        test($(TimePicker.class).id("hours-end")).setValue(LocalTime.of(8, 0));
        test($(Button.class).id("hours-save")).click();
        assertThat($(TimePicker.class).id("hours-end").getErrorMessage()).isEqualTo("L’heure de fin doit être après l’heure de début.");

        test($(TimePicker.class).id("hours-end")).setValue(LocalTime.of(12, 0));
        test($(Button.class).id("hours-save")).click();
        assertThat(formError()).isEqualTo("Conseillère Ailleurs ne travaille pas à la Médiathèque Réglages : ajoutez d’abord ce lieu à sa fiche.");

        test(advisor).selectItem("Conseiller Réglages");
        test($(Button.class).id("hours-save")).click();
        assertThat(dialogOpen()).isFalse();
        assertThat(booking.freeSlots(territory.placeId(), motif, TUESDAY, TUESDAY)).extracting(FreeSlot::start)
                .first().isEqualTo(ZonedDateTime.of(TUESDAY, LocalTime.of(9, 0), ParisTime.ZONE).toInstant());
    }

    @Test
    void an_absence_over_booked_appointments_is_explained_then_cancels_them_when_asked() {
        long motif = fixtures.motif(territory);
        fixtures.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
        booking.book(new BookingRequest(territory.placeId(), motif, ZonedDateTime.of(TUESDAY, LocalTime.of(10, 0),
                ParisTime.ZONE).toInstant(), "Jeanne", "Martin", "j@" + territory.slug() + ".example.org", null, true, Set.of(),
                null, Origin.kiosk("borne")));
        navigate(AbsencesView.class);
        press("Ajouter une absence");
        @SuppressWarnings("unchecked")
        Select<Object> advisor = $(Select.class).id("absence-advisor");
        test(advisor).selectItem("Conseiller Réglages");
        test($(DateTimePicker.class).id("absence-start")).setValue(LocalDateTime.of(2026, 12, 1, 8, 0));
        test($(DateTimePicker.class).id("absence-end")).setValue(LocalDateTime.of(2026, 12, 1, 18, 0));
        test($(Button.class).id("absence-save")).click();
        assertThat(formError()).isEqualTo("Le conseiller est déjà occupé à ce moment-là : Rendez-vous – Prendre en main sa tablette.");

        test($(com.vaadin.flow.component.checkbox.Checkbox.class).id("absence-cancel-appointments")).click();
        test($(Button.class).id("absence-save")).click();
        assertThat(dialogOpen()).isFalse();
        assertThat(jdbc.queryForObject("select status from appointment where place_id = ?", String.class, territory.placeId()))
                .isEqualTo("CANCELLED");
        assertThat(booking.freeSlots(territory.placeId(), motif, TUESDAY, TUESDAY)).isEmpty();
    }

    @Test
    void an_absence_left_empty_says_what_is_missing_next_to_each_field_without_marking_them_required() {
        navigate(AbsencesView.class);
        press("Ajouter une absence");
        @SuppressWarnings("unchecked")
        Select<Object> advisor = $(Select.class).id("absence-advisor");
        advisor.clear();
        test($(DateTimePicker.class).id("absence-start")).setValue(null);
        test($(Button.class).id("absence-save")).click();
        assertThat(dialogOpen()).isTrue();
        assertThat(advisor.getErrorMessage()).isEqualTo("Choisissez le conseiller.");
        assertThat($(DateTimePicker.class).id("absence-start").getErrorMessage()).isEqualTo("Ce champ est obligatoire.");
        // Marked required, these components would carry aria-required where axe refuses it.
        assertThat(advisor.isRequiredIndicatorVisible()).isFalse();
        assertThat($(DateTimePicker.class).id("absence-start").isRequiredIndicatorVisible()).isFalse();
    }

    @Test
    void a_closure_removes_the_days_slots() {
        long motif = fixtures.motif(territory);
        fixtures.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
        navigate(ClosuresView.class);
        press("Ajouter une fermeture");
        @SuppressWarnings("unchecked")
        Select<Object> place = $(Select.class).id("closure-place");
        test(place).selectItem("Médiathèque Réglages");
        test($(com.vaadin.flow.component.datepicker.DatePicker.class).withLabel("Premier jour fermé").single()).setValue(TUESDAY);
        test($(com.vaadin.flow.component.datepicker.DatePicker.class).withLabel("Dernier jour fermé").single()).setValue(TUESDAY.minusDays(1));
        test($(Button.class).id("closure-save")).click();
        assertThat(dialogOpen()).isTrue();
        test($(com.vaadin.flow.component.datepicker.DatePicker.class).withLabel("Dernier jour fermé").single()).setValue(TUESDAY);
        test($(Button.class).id("closure-save")).click();
        assertThat(dialogOpen()).isFalse();
        assertThat(booking.freeSlots(territory.placeId(), motif, TUESDAY, TUESDAY)).isEmpty();
        assertThat(booking.freeSlots(territory.placeId(), motif, TUESDAY.plusWeeks(1), TUESDAY.plusWeeks(1))).hasSize(3);
    }

    @Test
    void a_closure_over_booked_appointments_says_how_many_then_cancels_them_with_its_reason() {
        long motif = fixtures.motif(territory);
        fixtures.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
        for (int hour : new int[] {9, 10}) {
            booking.book(new BookingRequest(territory.placeId(), motif, ZonedDateTime.of(TUESDAY, LocalTime.of(hour, 0),
                    ParisTime.ZONE).toInstant(), "Jeanne", "Martin", "j" + hour + "@" + territory.slug() + ".example.org", null,
                    true, Set.of(), null, Origin.kiosk("borne")));
        }
        navigate(ClosuresView.class);
        press("Ajouter une fermeture");
        assertThat($(com.vaadin.flow.component.checkbox.Checkbox.class).withId("closure-cancel-appointments").exists())
                .as("nothing to cancel yet").isFalse();
        @SuppressWarnings("unchecked")
        Select<Object> place = $(Select.class).id("closure-place");
        test(place).selectItem("Médiathèque Réglages");
        test($(com.vaadin.flow.component.datepicker.DatePicker.class).withLabel("Premier jour fermé").single()).setValue(TUESDAY);
        test($(com.vaadin.flow.component.datepicker.DatePicker.class).withLabel("Dernier jour fermé").single()).setValue(TUESDAY);
        var cancel = $(com.vaadin.flow.component.checkbox.Checkbox.class).id("closure-cancel-appointments");
        assertThat(cancel.getLabel()).isEqualTo("Annuler les 2 rendez-vous déjà pris ces jours-là (les personnes sont prévenues)");
        test($(TextField.class).id("closure-reason")).setValue("Dégât des eaux");
        test($(Button.class).id("closure-save")).click();
        assertThat(formError()).isEqualTo("2 rendez-vous sont déjà pris ces jours-là : cochez « Annuler » pour prévenir"
                + " les personnes, ou choisissez d’autres jours.");
        assertThat(jdbc.queryForObject("select count(*) from place_closure where place_id = ?", Integer.class,
                territory.placeId())).as("nothing half-saved").isZero();

        test(cancel).click();
        test($(Button.class).id("closure-save")).click();
        assertThat(dialogOpen()).isFalse();
        assertThat(jdbc.queryForList("select concat(status, ' ', cancel_reason) from appointment where place_id = ?",
                String.class, territory.placeId())).containsOnly("CANCELLED Dégât des eaux").hasSize(2);
        assertThat(booking.freeSlots(territory.placeId(), motif, TUESDAY, TUESDAY)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Button rowButton(int actionsColumn, String text) {
        var grid = test((Grid<Object>) $(Grid.class).single());
        assertThat(grid.size()).as("one row").isEqualTo(1);
        return $(Button.class, grid.getCellComponent(0, actionsColumn)).withText(text).single();
    }

    @Test
    void a_motif_changed_from_its_form_gives_residents_times_of_the_new_length() {
        long motif = fixtures.motif(territory);
        fixtures.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
        navigate(MotifsView.class);
        test(rowButton(5, "Modifier")).click();
        assertThat($(TextField.class).id("motif-label").getValue()).isEqualTo("Prendre en main sa tablette");
        test($(IntegerField.class).id("motif-duration")).setValue(75);
        test($(Button.class).id("motif-save")).click();

        assertThat(dialogOpen()).isFalse();
        assertThat(booking.motifsAt(territory.placeId())).singleElement()
                .satisfies(m -> assertThat(m.durationMinutes()).isEqualTo(75));
        assertThat(booking.freeSlots(territory.placeId(), motif, TUESDAY, TUESDAY)).as("75 + 15 min in three hours")
                .hasSize(2);
    }

    @Test
    void opening_hours_changed_from_their_form_then_deleted_from_the_list() {
        long motif = fixtures.motif(territory);
        fixtures.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
        navigate(OpeningHoursView.class);
        test(rowButton(4, "Modifier")).click();
        assertThat($(TimePicker.class).id("hours-start").getValue()).isEqualTo(LocalTime.of(9, 0));
        test($(TimePicker.class).id("hours-end")).setValue(LocalTime.of(11, 0));
        test($(Button.class).id("hours-save")).click();
        assertThat(dialogOpen()).isFalse();
        assertThat(booking.freeSlots(territory.placeId(), motif, TUESDAY, TUESDAY)).hasSize(2);

        test(rowButton(4, "Supprimer")).click();
        assertThat(test((Grid<?>) $(Grid.class).single()).size()).isZero();
        assertThat(booking.freeSlots(territory.placeId(), motif, TUESDAY, TUESDAY)).isEmpty();
    }

    @Test
    void an_absence_deleted_from_the_list_gives_its_times_back() {
        long motif = fixtures.motif(territory);
        fixtures.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
        navigate(AbsencesView.class);
        press("Ajouter une absence");
        test($(DateTimePicker.class).id("absence-start")).setValue(LocalDateTime.of(2026, 12, 1, 8, 0));
        test($(DateTimePicker.class).id("absence-end")).setValue(LocalDateTime.of(2026, 12, 1, 18, 0));
        test($(Button.class).id("absence-save")).click();
        assertThat(booking.freeSlots(territory.placeId(), motif, TUESDAY, TUESDAY)).isEmpty();

        test(rowButton(4, "Supprimer")).click();
        assertThat(test((Grid<?>) $(Grid.class).single()).size()).isZero();
        assertThat(booking.freeSlots(territory.placeId(), motif, TUESDAY, TUESDAY)).hasSize(3);
    }

    @Test
    void a_closure_deleted_from_the_list_opens_the_day_again() {
        long motif = fixtures.motif(territory);
        fixtures.open(territory, DayOfWeek.TUESDAY, "09:00", "12:00");
        navigate(ClosuresView.class);
        press("Ajouter une fermeture");
        @SuppressWarnings("unchecked")
        Select<Object> place = $(Select.class).id("closure-place");
        test(place).selectItem("Médiathèque Réglages");
        test($(com.vaadin.flow.component.datepicker.DatePicker.class).withLabel("Premier jour fermé").single()).setValue(TUESDAY);
        test($(com.vaadin.flow.component.datepicker.DatePicker.class).withLabel("Dernier jour fermé").single()).setValue(TUESDAY);
        test($(Button.class).id("closure-save")).click();
        assertThat(booking.freeSlots(territory.placeId(), motif, TUESDAY, TUESDAY)).isEmpty();

        test(rowButton(3, "Supprimer")).click();
        assertThat(booking.freeSlots(territory.placeId(), motif, TUESDAY, TUESDAY)).hasSize(3);
    }

    @Test
    void an_advisor_records_walk_in_help_at_home_with_the_commune() {
        StaffLogin.advisor(territory.structureId(), territory.advisorId());
        navigate(ActivityRecordsView.class);
        press("Accompagnement ponctuel");
        test($(Button.class).id("record-save")).click();
        assertThat($(MultiSelectComboBox.class).id("record-themes").getErrorMessage()).isEqualTo("Choisissez au moins une thématique.");
        assertThat($(Select.class).id("record-place").getErrorMessage())
                .isEqualTo("Choisissez le lieu où l’accompagnement a eu lieu.");

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Object> themes = $(MultiSelectComboBox.class).id("record-themes");
        test(themes).selectItem("Aide aux démarches administratives");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Object> equipment = $(CheckboxGroup.class).id("record-equipment");
        test(equipment).selectItem("Pas de matériel");
        test(equipment).selectItem("Ordinateur");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.radiobutton.RadioButtonGroup<Object> autonomy =
                $(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class).id("record-autonomy");
        test(autonomy).selectItem("Avec guidage");
        // At home: no place, the commune instead.
        @SuppressWarnings("unchecked")
        Select<Object> location = $(Select.class).id("record-location");
        test(location).selectItem("À domicile");
        assertThat($(Select.class).withId("record-place").exists()).as("no place away from a place").isFalse();
        test($(Button.class).id("record-save")).click();
        assertThat($(Select.class).id("record-commune").getErrorMessage())
                .isEqualTo("Indiquez la commune où l’accompagnement a eu lieu.");
        @SuppressWarnings("unchecked")
        Select<Object> commune = $(Select.class).id("record-commune");
        test(commune).selectItem("Commune Réglages");
        @SuppressWarnings("unchecked")
        Select<Object> residence = $(Select.class).id("record-residence");
        test(residence).selectItem("Commune Réglages");
        test($(Button.class).id("record-save")).click();
        assertThat(formError()).isEqualTo("« Pas de matériel » ne va pas avec un autre matériel.");

        test(equipment).deselectItem("Pas de matériel");
        test($(Button.class).id("record-save")).click();
        assertThat(dialogOpen()).isFalse();
        var record = jdbc.queryForMap("select kind, location, place_id, commune_id, residence_commune_id, autonomy"
                + " from activity_record where advisor_id = ?", territory.advisorId());
        assertThat(record).containsEntry("kind", "PONCTUEL").containsEntry("location", "A_DOMICILE")
                .containsEntry("place_id", null).containsEntry("commune_id", territory.communeId())
                .containsEntry("residence_commune_id", territory.communeId())
                .containsEntry("autonomy", "ENTIEREMENT_ACCOMPAGNE");
    }

    @Test
    void every_field_of_a_walk_in_record_filled_on_the_screen_is_saved_where_it_belongs() {
        StaffLogin.advisor(territory.structureId(), territory.advisorId());
        navigate(ActivityRecordsView.class);
        press("Accompagnement ponctuel");

        test($(DatePicker.class).id("record-date")).setValue(LocalDate.of(2026, 11, 27));
        test($(DurationField.class).id("record-duration").other()).setValue(75);
        @SuppressWarnings("unchecked")
        Select<Long> place = $(Select.class).id("record-place");
        test(place).selectItem(place.getItemLabelGenerator().apply(territory.placeId()));
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Object> themes = $(MultiSelectComboBox.class).id("record-themes");
        test(themes).selectItem("E-mail", "Aide aux démarches administratives");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Object> adminThemes = $(MultiSelectComboBox.class).id("record-admin-themes");
        test(adminThemes).selectItem("Logement");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> autonomy = $(RadioButtonGroup.class).id("record-autonomy");
        test(autonomy).selectItem("Autonome avec guidage en cas de besoin");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Object> equipment = $(CheckboxGroup.class).id("record-equipment");
        test(equipment).selectItem("Téléphone");
        test($(Checkbox.class).id("record-referred")).click();
        @SuppressWarnings("unchecked")
        Select<Object> referralKind = $(Select.class).id("record-referral-kind");
        test(referralKind).selectItem("Structure d’aide sociale");
        $(Details.class).id("record-person").setOpened(true);
        @SuppressWarnings("unchecked")
        Select<Object> ageBand = $(Select.class).id("record-age-band");
        test(ageBand).selectItem("60 à 69 ans");
        @SuppressWarnings("unchecked")
        Select<Object> gender = $(Select.class).id("record-gender");
        test(gender).selectItem("Féminin");
        @SuppressWarnings("unchecked")
        Select<Object> occupation = $(Select.class).id("record-occupation");
        test(occupation).selectItem("Retraité");
        @SuppressWarnings("unchecked")
        Select<Object> residence = $(Select.class).id("record-residence");
        test(residence).selectItem("Commune Réglages");
        test($(TextArea.class).id("record-notes")).setValue("Première prise en main de la messagerie.");
        test($(Button.class).id("record-save")).click();

        assertThat(dialogOpen()).as(() -> $(Paragraph.class).withClassName("form-error").all().stream()
                .map(Paragraph::getText).toList().toString()).isFalse();
        var record = jdbc.queryForMap("select id, kind, activity_date, duration_minutes, location, place_id, commune_id,"
                + " autonomy, referred, referral_kind, age_band, gender, occupation, residence_commune_id, notes"
                + " from activity_record where advisor_id = ?", territory.advisorId());
        assertThat(record).containsEntry("kind", "PONCTUEL")
                .containsEntry("activity_date", java.sql.Date.valueOf(LocalDate.of(2026, 11, 27)))
                .containsEntry("duration_minutes", 75).containsEntry("location", "LIEU_ACTIVITE")
                .containsEntry("place_id", territory.placeId()).containsEntry("commune_id", null)
                .containsEntry("autonomy", "PARTIELLEMENT_AUTONOME").containsEntry("referred", true)
                .containsEntry("referral_kind", "STRUCTURE_AIDE_SOCIALE").containsEntry("age_band", "DE_60_A_69")
                .containsEntry("gender", "FEMININ").containsEntry("occupation", "RETRAITE")
                .containsEntry("residence_commune_id", territory.communeId())
                .containsEntry("notes", "Première prise en main de la messagerie.");
        Object id = record.get("id");
        assertThat(jdbc.queryForList("select theme from activity_record_theme where record_id = ?", String.class, id))
                .containsExactlyInAnyOrder("EMAIL", "AIDE_AUX_DEMARCHES_ADMINISTRATIVES");
        assertThat(jdbc.queryForList("select theme from activity_record_admin_theme where record_id = ?", String.class, id))
                .containsExactly("LOGEMENT");
        assertThat(jdbc.queryForList("select equipment from activity_record_equipment where record_id = ?", String.class,
                id)).containsExactly("TELEPHONE");
    }
}
