package fr.rdvnumerique.territory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.territory.AdvisorService;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.PlaceService;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AdvisorsViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired TerritoryDirectory directory;
    @Autowired AdvisorService advisors;
    @Autowired PlaceService places;

    TerritoryFixtures.TestTerritory territory;

    @BeforeEach
    void signIn() {
        territory = fixtures.create("Vue conseillers");
        StaffLogin.coordinator(territory.structureId());
    }

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    @SuppressWarnings("unchecked")
    private Grid<AdvisorSummary> grid() {
        return $(Grid.class).single();
    }

    @SuppressWarnings("unchecked")
    private MultiSelectComboBox<PlaceSummary> placeChooser() {
        return $(MultiSelectComboBox.class).id("advisor-places");
    }

    private int rowOf(String name) {
        var grid = test(grid());
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).displayName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not in the grid");
    }

    @Test
    void a_coordinator_adds_an_advisor_working_at_a_place() {
        navigate(AdvisorsView.class);
        test($(Button.class).withText("Ajouter un conseiller").single()).click();
        test($(TextField.class).withLabel("Nom affiché").single()).setValue("Sacha Moreau");
        test($(EmailField.class).withLabel("E-mail professionnel").single()).setValue("sacha.moreau@exemple.fr");
        test(placeChooser()).selectItem("Mairie Vue conseillers");
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        assertThat(test(grid()).getCellText(rowOf("Sacha Moreau"), 3)).isEqualTo("Mairie Vue conseillers");
        assertThat(directory.advisors(territory.structureId())).filteredOn(a -> a.displayName().equals("Sacha Moreau"))
                .singleElement().extracting(AdvisorSummary::placeIds).isEqualTo(java.util.Set.of(territory.secondPlaceId()));
    }

    @Test
    void a_wrong_email_is_explained_next_to_the_field_and_nothing_is_saved() {
        navigate(AdvisorsView.class);
        test($(Button.class).withText("Ajouter un conseiller").single()).click();
        test($(TextField.class).withLabel("Nom affiché").single()).setValue("Sacha Moreau");
        test($(EmailField.class).withLabel("E-mail professionnel").single()).setValue("sacha.moreau");
        test($(Button.class).withText("Enregistrer").single()).click();

        EmailField email = $(EmailField.class).withLabel("E-mail professionnel").single();
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).startsWith("Cette adresse e-mail n’est pas valide.");
        assertThat($(Dialog.class).single().isOpened()).isTrue();
        assertThat(directory.advisors(territory.structureId())).extracting(AdvisorSummary::displayName).doesNotContain("Sacha Moreau");
    }

    @Test
    void an_advisor_keeps_a_place_deactivated_since_which_the_form_marks_as_such() {
        places.setActive(territory.secondPlaceId(), false);
        navigate(AdvisorsView.class);
        int row = rowOf("Conseiller Vue conseillers");
        assertThat(test(grid()).getCellText(row, 3)).contains("Mairie Vue conseillers (désactivé)");
        Button edit = (Button) test(grid()).getCellComponent(row, 5).getChildren().findFirst().orElseThrow();
        test(edit).click();
        assertThat(placeChooser().getValue()).extracting(PlaceSummary::id)
                .containsExactlyInAnyOrder(territory.placeId(), territory.secondPlaceId());
        assertThat(test(placeChooser()).getSuggestions()).contains("Mairie Vue conseillers (désactivé)");
        test($(TextField.class).withLabel("Nom affiché").single()).setValue("Conseillère Vue conseillers");
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        assertThat(advisors.load(territory.advisorId()).value().placeIds())
                .containsExactlyInAnyOrder(territory.placeId(), territory.secondPlaceId());
    }
}
