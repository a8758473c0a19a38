package fr.rdvnumerique.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.RosterEntry;
import fr.rdvnumerique.atelier.RosterService;
import fr.rdvnumerique.atelier.WorkshopService;
import fr.rdvnumerique.atelier.WorkshopSummary;
import fr.rdvnumerique.base.security.StaffLogin;
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
    @Autowired RegistrationService registrations;
    @Autowired RosterService rosters;
    @Autowired WorkshopService workshops;

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
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
    void staff_cancel_a_registration_and_the_first_waiting_gets_the_seat() {
        TestAtelier atelier = fixtures.create("Vue annulation", 1);
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Anne", "Petit"));
        registrations.register(AtelierFixtures.request(atelier.sessionId(), "Bruno", "Martin"));
        StaffLogin.coordinator(atelier.territory().structureId());
        openRoster(atelier);

        var cancel = (Button) test(grid("roster-confirmed")).getCellComponent(0, 6);
        assertThat(cancel.getElement().getAttribute("aria-label")).isEqualTo("Annuler l’inscription : Petit Anne");
        test(cancel).click();

        assertThat(rosters.roster(atelier.sessionId()).confirmed()).extracting(RosterEntry::lastName).containsExactly("Martin");
        assertThat($(Paragraph.class).id("roster-counts").getText())
                .isEqualTo("1 place(s) réservée(s) sur 1 · 0 personne(s) en liste d’attente");
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
        assertThat($(Paragraph.class).withClassName("form-error").last().getText())
                .startsWith("2 places sont déjà réservées : vous ne pouvez pas descendre à 1 places.");

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
}
