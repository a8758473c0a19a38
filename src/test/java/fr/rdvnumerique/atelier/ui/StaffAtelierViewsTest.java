package fr.rdvnumerique.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.LocalTime;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.atelier.Attendance;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.SessionService;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.testing.TestClock;
import java.time.LocalDate;
import fr.rdvnumerique.atelier.RosterEntry;
import fr.rdvnumerique.atelier.RosterService;
import fr.rdvnumerique.atelier.WorkshopService;
import fr.rdvnumerique.atelier.WorkshopSummary;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.base.audit.AuditEntry;
import fr.rdvnumerique.base.audit.AuditFilter;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.domain.PlaceResult;
import org.springframework.data.domain.PageRequest;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.testing.IntegrationTest;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/** The staff's atelier screens: the session roster with its actions, the sessions list, the catalogue. */
@IntegrationTest
class StaffAtelierViewsTest extends SpringBrowserlessTest {

    @Autowired AtelierFixtures fixtures;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired RegistrationService registrations;
    @Autowired RosterService rosters;
    @Autowired WorkshopService workshops;
    @Autowired SessionService sessions;
    @Autowired TestClock clock;
    @Autowired AuditTrail audit;

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
        clock.reset();
    }

    private void openRoster(TestAtelier atelier) {
        navigate("staff/ateliers/seance/" + atelier.sessionId(), SessionView.class);
    }

    @SuppressWarnings("unchecked")
    private Grid<RosterEntry> grid(String id) {
        return $(Grid.class).id(id);
    }

    @Test
    void the_roster_shows_counts_and_lists_and_staff_register_someone_who_called() {
        TestAtelier atelier = fixtures.create("Vue seance", 2);
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Bruno", "Martin"));
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Chloe", "Durand"));
        StaffLogin.advisor(atelier.territory().structureId(), atelier.territory().advisorId());
        openRoster(atelier);

        assertThat($(H1.class).single().getText()).isEqualTo("Découvrir sa tablette Vue seance");
        assertThat($(Paragraph.class).id("roster-counts").getText())
                .isEqualTo("2 place(s) réservée(s) sur 2 · 1 personne(s) en liste d’attente");
        assertThat(test(grid("roster-confirmed")).size()).isEqualTo(2);
        assertThat(test(grid("roster-waiting")).size()).isEqualTo(1);
        assertThat($(Anchor.class).id("roster-export").getHref()).isNotBlank();
        assertThat($(Anchor.class).id("roster-sheet").getHref()).isNotBlank();

        test($(Button.class).id("roster-register")).click();
        test($(TextField.class).id("atelier-first-name")).setValue("Gérard");
        test($(TextField.class).id("atelier-last-name")).setValue("Lemoine");
        test($(TextField.class).id("atelier-phone")).setValue("03 53 01 10 09");
        test($(Button.class).id("roster-register-save")).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        assertThat(test(grid("roster-waiting")).size()).isEqualTo(2);
        assertThat(rosters.roster(atelier.sessionId()).waiting()).extracting(RosterEntry::lastName).containsExactly("Durand", "Lemoine");
    }

    @Test
    void staff_registering_someone_choose_how_they_are_told_and_it_is_honoured() {
        TestAtelier atelier = fixtures.create("Vue prevenir", 4);
        StaffLogin.advisor(atelier.territory().structureId(), atelier.territory().advisorId());
        openRoster(atelier);

        test($(Button.class).id("roster-register")).click();
        test($(TextField.class).id("atelier-first-name")).setValue("Yvette");
        test($(TextField.class).id("atelier-last-name")).setValue("Colin");
        test($(com.vaadin.flow.component.textfield.EmailField.class).id("atelier-email")).setValue("yvette.colin@" + atelier.territory().slug() + ".example.org");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<Object> noticeBy =
                $(com.vaadin.flow.component.select.Select.class).id("roster-register-notice-by");
        test(noticeBy).selectItem("Nous l’appelons");
        test($(Button.class).id("roster-register-save")).click();
        assertThat(noticeBy.isInvalid()).as("a call needs a number").isTrue();
        assertThat(noticeBy.getErrorMessage()).isEqualTo("Pour l’appeler, saisissez un numéro de téléphone.");

        long n = System.nanoTime() % 1_000_000;
        test($(TextField.class).id("atelier-phone")).setValue(
                String.format("03 53 %02d %02d %02d", n / 10_000, (n / 100) % 100, n % 100));
        test($(Button.class).id("roster-register-save")).click();
        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        var row = jdbc.queryForMap("select id, notice_by from atelier_registration where last_name = 'Colin'"
                + " and session_id = ?", atelier.sessionId());
        assertThat(row).containsEntry("notice_by", "PHONE_CALL");
        fr.rdvnumerique.testing.EventListeners.awaitIdle(jdbc);
        assertThat(jdbc.queryForList("select kind from call_task where subject_type = 'ATELIER_REGISTRATION'"
                + " and subject_id = ?", String.class, row.get("id")))
                .as("called although they have an e-mail").containsExactly("CONFIRMATION");
        assertThat(jdbc.queryForObject("select count(*) from outbound_message where subject_type = 'ATELIER_REGISTRATION'"
                + " and subject_id = ? and kind <> 'STAFF_NOTICE'", Integer.class, row.get("id"))).isZero();
    }

    @Test
    void staff_cancel_a_registration_and_the_first_waiting_gets_the_seat() {
        TestAtelier atelier = fixtures.create("Vue annulation", 1);
        var anne = (PlaceResult.Confirmed<Seats, Void>) registrations.register(
                AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Bruno", "Martin"));
        var coordinator = StaffLogin.coordinator(atelier.territory().structureId());
        openRoster(atelier);

        var cancel = (Button) test(grid("roster-confirmed")).getCellComponent(0, 7);
        assertThat(cancel.getElement().getAttribute("aria-label")).isEqualTo("Annuler l’inscription : Petit Anne");
        test(cancel).click();

        assertThat(rosters.roster(atelier.sessionId()).confirmed()).extracting(RosterEntry::lastName).containsExactly("Martin");
        assertThat($(Paragraph.class).id("roster-counts").getText())
                .isEqualTo("1 place(s) réservée(s) sur 1 · 0 personne(s) en liste d’attente");

        // Who cancelled this registration? The journal says, and names nobody else.
        var entries = audit.list(AuditFilter.everything().withKind(AuditKind.REGISTRATION_CANCELLED)
                .withRecord(anne.id()), PageRequest.of(0, 10)).getContent();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.actor().accountId()).isEqualTo(coordinator.accountId());
            assertThat(entry.structureId()).isEqualTo(atelier.territory().structureId());
            assertThat(entry.changes()).isEqualTo("session: " + atelier.sessionId() + "; status: CONFIRMED → CANCELLED")
                    .doesNotContain("Petit", "Anne");
        });
        navigate(fr.rdvnumerique.base.ui.AuditTrailView.class);
        test($(com.vaadin.flow.component.textfield.IntegerField.class).id("audit-record")).setValue((int) anne.id());
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> journal = $(Grid.class).id("audit-grid");
        assertThat(test(journal).getCellText(0, 1)).isEqualTo(coordinator.displayName());
        assertThat(test(journal).getCellText(0, 2)).isEqualTo("Inscription annulée");
    }

    @Test
    void lowering_the_capacity_below_the_seats_taken_is_explained_then_done_when_staff_choose_it() {
        TestAtelier atelier = fixtures.create("Vue capacite", 3);
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Bruno", "Martin"));
        StaffLogin.coordinator(atelier.territory().structureId());
        openRoster(atelier);

        test($(Button.class).id("roster-capacity")).click();
        test($(IntegerField.class).id("roster-capacity-value")).setValue(1);
        test($(Button.class).id("roster-capacity-save")).click();
        IntegerField capacity = $(IntegerField.class).id("roster-capacity-value");
        assertThat(capacity.isInvalid()).as("the message is next to the field").isTrue();
        assertThat(capacity.getErrorMessage())
                .startsWith("2 places sont déjà réservées : vous ne pouvez pas descendre à 1 places.");

        capacity.setValue(101); // past the field's max: the browser marks it, the server must refuse it too
        test($(Button.class).id("roster-capacity-save")).click();
        assertThat(capacity.getErrorMessage()).isEqualTo("Indiquez un nombre de places entre 1 et 100.");
        capacity.clear();
        test($(Button.class).id("roster-capacity-save")).click();
        assertThat(capacity.getErrorMessage()).isEqualTo("Indiquez un nombre de places entre 1 et 100.");
        assertThat(rosters.roster(atelier.sessionId()).session().capacity()).isEqualTo(3);

        test(capacity).setValue(1);

        test($(Checkbox.class).id("roster-capacity-move-back")).click();
        test($(Button.class).id("roster-capacity-save")).click();
        assertThat($(Paragraph.class).id("roster-counts").getText())
                .isEqualTo("1 place(s) réservée(s) sur 1 · 1 personne(s) en liste d’attente");
    }

    @Test
    void cancelling_the_session_from_its_screen() {
        TestAtelier atelier = fixtures.create("Vue annuler seance", 3);
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        StaffLogin.coordinator(atelier.territory().structureId());
        openRoster(atelier);
        test($(Button.class).id("roster-cancel-session")).click();
        test($(Button.class).id("roster-cancel-session-confirm")).click();
        assertThat($(Paragraph.class).withText("Cette séance est annulée.").exists()).isTrue();
        assertThat($(Button.class).all()).noneMatch(b -> "roster-register".equals(b.getId().orElse("")));
    }

    @Test
    void a_session_of_another_structure_is_not_found() {
        TestAtelier atelier = fixtures.create("Vue autre structure", 3);
        TestAtelier mine = fixtures.create("Vue ma structure", 3);
        StaffLogin.coordinator(mine.territory().structureId());
        navigate("staff/ateliers/seance/" + atelier.sessionId(), fr.rdvnumerique.base.ui.NotFoundView.class);
    }

    @Test
    void the_sessions_list_shows_the_structures_sessions() {
        TestAtelier atelier = fixtures.create("Vue liste seances", 3);
        StaffLogin.coordinator(atelier.territory().structureId());
        navigate(SessionsView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Séances d’ateliers");
        assertThat(com.vaadin.flow.component.UI.getCurrent().getActiveRouterTargetsChain())
                .as("in the staff frame, with its menu").anyMatch(fr.rdvnumerique.base.ui.StaffLayout.class::isInstance);
        assertThat(test($(Grid.class).single()).size()).isEqualTo(1);
    }

    @Test
    void staff_add_a_workshop_to_the_catalogue_and_a_wrong_duration_is_explained() {
        TestAtelier atelier = fixtures.create("Vue catalogue", 3);
        StaffLogin.advisor(atelier.territory().structureId(), atelier.territory().advisorId());
        navigate(WorkshopsView.class);
        test($(Button.class).withText("Ajouter un atelier").single()).click();
        test($(TextField.class).id("workshop-title")).setValue("Vendre un objet en ligne");
        test($(TextArea.class).id("workshop-description")).setValue("Prendre une photo, écrire une annonce, être payé sans risque.");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Theme> themes = $(MultiSelectComboBox.class).id("workshop-themes");
        themes.setValue(Set.of(Theme.BANQUE_ET_ACHATS_EN_LIGNE));
        test($(IntegerField.class).id("workshop-duration")).setValue(7);
        test($(Button.class).withText("Enregistrer").single()).click();
        assertThat($(IntegerField.class).id("workshop-duration").getErrorMessage())
                .isEqualTo("Indiquez une durée entre 15 et 480 minutes, par pas de 5 minutes.");

        test($(IntegerField.class).id("workshop-duration")).setValue(120);
        test($(Button.class).withText("Enregistrer").single()).click();
        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        assertThat(workshops.list(Pageable.ofSize(20)).getContent()).extracting(WorkshopSummary::title)
                .contains("Vendre un objet en ligne");
    }

    @Test
    void staff_give_a_free_seat_by_hand_to_someone_behind_a_pair_that_does_not_fit() {
        TestAtelier atelier = fixtures.create("Vue promotion", 2);
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Paire", "Durand").withCompanion("Paul", "Durand"));
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Chloe", "Martin"));
        StaffLogin.advisor(atelier.territory().structureId(), atelier.territory().advisorId());
        openRoster(atelier);
        assertThat(test(grid("roster-waiting")).size()).isEqualTo(2);

        var pairRow = (com.vaadin.flow.component.html.Div) test(grid("roster-waiting")).getCellComponent(0, 7);
        test($(Button.class, pairRow).first()).click();
        assertThat($(Paragraph.class).id("roster-counts").getText()).as("no seat for two: nothing changed")
                .isEqualTo("1 place(s) réservée(s) sur 2 · 2 personne(s) en liste d’attente");

        var singleRow = (com.vaadin.flow.component.html.Div) test(grid("roster-waiting")).getCellComponent(1, 7);
        Button promote = $(Button.class, singleRow).first();
        assertThat(promote.getElement().getAttribute("aria-label")).isEqualTo("Donner une place : Martin Chloe");
        test(promote).click();

        assertThat($(Paragraph.class).id("roster-counts").getText())
                .isEqualTo("2 place(s) réservée(s) sur 2 · 1 personne(s) en liste d’attente");
        assertThat(rosters.roster(atelier.sessionId()).confirmed()).extracting(RosterEntry::lastName)
                .containsExactlyInAnyOrder("Petit", "Martin");
        assertThat(rosters.roster(atelier.sessionId()).waiting()).extracting(RosterEntry::position).containsExactly(1);
    }

    @Test
    void attendance_is_marked_from_the_grid_on_the_day() {
        TestAtelier atelier = fixtures.create("Vue presence", 3, 1);
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        StaffLogin.advisor(atelier.territory().structureId(), atelier.territory().advisorId());
        openRoster(atelier);
        @SuppressWarnings("unchecked")
        Select<Attendance> early = (Select<Attendance>) test(grid("roster-confirmed")).getCellComponent(0, 6);
        test(early).selectItem("Présent");
        assertThat(rosters.roster(atelier.sessionId()).confirmed().getFirst().attendance())
                .as("too early: présent is noted from the day of the atelier").isNull();
        assertThat(early.getValue()).isNull();

        clock.set(atelier.start().plus(java.time.Duration.ofMinutes(15)));
        openRoster(atelier);
        @SuppressWarnings("unchecked")
        Select<Attendance> onTheDay = (Select<Attendance>) test(grid("roster-confirmed")).getCellComponent(0, 6);
        assertThat(onTheDay.getAriaLabel()).contains("Présence : Petit Anne");
        test(onTheDay).selectItem("Présent");
        assertThat(rosters.roster(atelier.sessionId()).confirmed().getFirst().attendance()).isEqualTo(Attendance.PRESENT);
        test(onTheDay).selectItem("Excusé");
        assertThat(rosters.roster(atelier.sessionId()).confirmed().getFirst().attendance()).isEqualTo(Attendance.EXCUSE);
    }

    @Test
    void the_csv_and_the_sign_in_sheet_download_with_the_people_registered() throws Exception {
        TestAtelier atelier = fixtures.create("Vue fichiers", 3);
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Łukasz", "Nguyễn"));
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "<script>alert(1)</script>", "Dupont"));
        StaffLogin.advisor(atelier.territory().structureId(), atelier.territory().advisorId());
        openRoster(atelier);

        var csv = new java.io.ByteArrayOutputStream();
        test($(Anchor.class).id("roster-export")).download(csv);
        assertThat(csv.toString(java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("\uFEFFStatut;Position;Nom;Prénom")
                .contains("Inscrit;;Nguyễn;Łukasz;", "Inscrit;;Dupont;<script>alert(1)</script>;");

        var pdf = new java.io.ByteArrayOutputStream();
        test($(Anchor.class).id("roster-sheet")).download(pdf);
        try (var reader = new com.lowagie.text.pdf.PdfReader(pdf.toByteArray())) {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("Feuille d’émargement", "Découvrir sa tablette Vue fichiers", "Nguyễn", "Łukasz",
                    "<script>alert(1)</script>");
        }
    }

    @Test
    void names_with_markup_show_as_text_in_the_roster() {
        TestAtelier atelier = fixtures.create("Vue roster balises", 3);
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "<script>alert(1)</script>", "<b>Dupont</b>"));
        StaffLogin.advisor(atelier.territory().structureId(), atelier.territory().advisorId());
        openRoster(atelier);
        assertThat(test(grid("roster-confirmed")).getCellText(0, 0)).isEqualTo("<b>Dupont</b> <script>alert(1)</script>");
        var cancel = (Button) test(grid("roster-confirmed")).getCellComponent(0, 7);
        assertThat(cancel.getElement().getAttribute("aria-label"))
                .isEqualTo("Annuler l’inscription : <b>Dupont</b> <script>alert(1)</script>");
    }

    @Test
    void a_series_is_planned_from_its_dialog_and_a_wrong_closing_delay_is_said_next_to_the_field() {
        TestAtelier atelier = fixtures.create("Vue serie", 3, 60);
        StaffLogin.coordinator(atelier.territory().structureId());
        navigate(SessionsView.class);
        test($(Button.class).id("atelier-add-series")).click();
        Dialog dialog = $(Dialog.class).single();
        @SuppressWarnings("unchecked")
        ComboBox<Object> place = $(ComboBox.class, dialog).id("session-place");
        test(place).selectItem("Médiathèque Vue serie");
        @SuppressWarnings("unchecked")
        ComboBox<Object> advisor = $(ComboBox.class, dialog).id("session-advisor");
        test(advisor).selectItem("Conseiller Vue serie");
        test($(DatePicker.class, dialog).id("series-first-date")).setValue(LocalDate.now(clock.withZone(ParisTime.ZONE)).plusDays(9));
        test($(IntegerField.class, dialog).id("series-occurrences")).setValue(3);
        assertThat($(IntegerField.class, dialog).id("session-closes-hours").getValue()).as("the usual delay").isEqualTo(2);
        $(IntegerField.class, dialog).id("session-closes-hours").setValue(400); // past the field's max
        test($(Button.class, dialog).id("editor-save")).click();

        var closes = $(ClosingDelayField.class, dialog).single();
        assertThat(closes.isInvalid()).isTrue();
        assertThat(closes.getErrorMessage()).isEqualTo("Indiquez un délai entre 0 et 336 heures.");
        assertThat(dialog.isOpened()).isTrue();

        test($(IntegerField.class, dialog).id("session-closes-hours")).setValue(1);
        test($(IntegerField.class, dialog).id("session-closes-minutes")).setValue(30);
        test($(Button.class, dialog).id("editor-save")).click();

        assertThat(dialog.isOpened()).isFalse();
        var planned = sessions.list(false, Pageable.ofSize(50)).getContent();
        assertThat(planned).hasSize(1 + 3);
        assertThat(planned.stream().filter(s -> s.seriesKey() != null)).hasSize(3)
                .allSatisfy(s -> assertThat(java.time.Duration.between(s.registrationClosesAt(), s.start()))
                        .isEqualTo(java.time.Duration.ofMinutes(90)));
    }

    @Test
    void registration_opening_after_it_closes_is_said_next_to_the_field() {
        TestAtelier atelier = fixtures.create("Vue fenetre", 3, 60);
        StaffLogin.coordinator(atelier.territory().structureId());
        navigate(SessionsView.class);
        test($(Button.class).id("atelier-add-session")).click();
        Dialog dialog = $(Dialog.class).single();
        @SuppressWarnings("unchecked")
        ComboBox<Object> place = $(ComboBox.class, dialog).id("session-place");
        test(place).selectItem("Médiathèque Vue fenetre");
        @SuppressWarnings("unchecked")
        ComboBox<Object> advisor = $(ComboBox.class, dialog).id("session-advisor");
        test(advisor).selectItem("Conseiller Vue fenetre");
        LocalDate day = $(DatePicker.class, dialog).id("session-date").getValue();
        test($(DatePicker.class, dialog).id("session-opens")).setValue(day.plusDays(1));
        test($(Button.class, dialog).id("editor-save")).click();

        DatePicker opens = $(DatePicker.class, dialog).id("session-opens");
        assertThat(opens.isInvalid()).isTrue();
        assertThat(opens.getErrorMessage()).startsWith("Les inscriptions doivent ouvrir avant leur clôture");
        assertThat(dialog.isOpened()).isTrue();

        test(opens).setValue(day.minusDays(3));
        test($(Button.class, dialog).id("editor-save")).click();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(sessions.list(false, Pageable.ofSize(50)).getContent()).hasSize(2);
    }

    @Test
    void a_session_moved_from_its_screen_keeps_its_people_and_shows_the_new_time() {
        TestAtelier atelier = fixtures.create("Vue seance decalee", 3);
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Jeanne", "Martin"));
        StaffLogin.coordinator(atelier.territory().structureId());
        openRoster(atelier);
        test($(Button.class).id("roster-edit")).click();
        Dialog dialog = $(Dialog.class).single();
        LocalTime start = $(TimePicker.class, dialog).id("session-start").getValue();
        test($(TimePicker.class, dialog).id("session-start")).setValue(start.plusHours(1));
        test($(TimePicker.class, dialog).id("session-end")).setValue($(TimePicker.class, dialog).id("session-end").getValue().plusHours(1));
        test($(Button.class, dialog).id("editor-save")).click();

        assertThat(dialog.isOpened()).isFalse();
        var moved = sessions.load(atelier.sessionId()).value();
        assertThat(moved.startTime()).isEqualTo(start.plusHours(1));
        assertThat(fixtures.counts(atelier.sessionId()).confirmedSeats()).isEqualTo(1);
        assertThat($(Paragraph.class).withClassName("atelier-when").single().getText())
                .contains(fr.rdvnumerique.base.i18n.FrenchDates.time(start.plusHours(1)));
    }

    @Test
    void a_workshop_changed_from_its_form_shows_its_new_title_in_the_catalogue() {
        TestAtelier atelier = fixtures.create("Vue catalogue revu", 3);
        StaffLogin.coordinator(atelier.territory().structureId());
        navigate(WorkshopsView.class);
        @SuppressWarnings("unchecked")
        var grid = test((Grid<WorkshopSummary>) $(Grid.class).single());
        int row = -1;
        for (int i = 0; i < grid.size() && row < 0; i++) {
            if (grid.getRow(i).id() == atelier.workshopId()) {
                row = i;
            }
        }
        test($(Button.class, grid.getCellComponent(row, 6)).withText("Modifier").single()).click();
        test($(TextField.class).id("workshop-title")).setValue("Sécuriser sa messagerie");
        test($(IntegerField.class).id("workshop-capacity")).setValue(10);
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        assertThat(grid.getCellText(row, 0)).isEqualTo("Sécuriser sa messagerie");
        assertThat(workshops.load(atelier.workshopId()).value().defaultCapacity()).isEqualTo(10);
    }
}
