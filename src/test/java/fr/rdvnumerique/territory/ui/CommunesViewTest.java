package fr.rdvnumerique.territory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.territory.CommuneForm;
import fr.rdvnumerique.territory.CommuneService;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CommunesViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired TerritoryDirectory directory;
    @Autowired CommuneService communes;

    TerritoryFixtures.TestTerritory territory;

    @BeforeEach
    void signIn() {
        territory = fixtures.create("Vue communes");
        StaffLogin.coordinator(territory.structureId());
    }

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    private void typeCommune(String name, String insee, String postal) {
        test($(TextField.class).withLabel("Nom").single()).setValue(name);
        test($(TextField.class).withLabel("Code INSEE").single()).setValue(insee);
        test($(TextField.class).withLabel("Code postal").single()).setValue(postal);
    }

    @Test
    void a_coordinator_adds_a_commune_and_sees_it_in_the_list() {
        navigate(CommunesView.class);
        test($(Button.class).withText("Ajouter une commune").single()).click();
        typeCommune("Heillecourt", "54257", "54180");
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        assertThat(directory.communes(territory.structureId())).extracting(CommuneSummary::name).contains("Heillecourt");
        var grid = test(grid());
        assertThat(grid.size()).isEqualTo(2);
        int row = grid.getRow(0).name().equals("Heillecourt") ? 0 : 1;
        assertThat(grid.getCellText(row, 0)).isEqualTo("Heillecourt");
        assertThat(grid.getCellText(row, 1)).isEqualTo("54257");
        assertThat(grid.getCellText(row, 2)).isEqualTo("54180");
    }

    @SuppressWarnings("unchecked")
    private Grid<CommuneSummary> grid() {
        return $(Grid.class).single();
    }

    @Test
    void changing_a_commune_to_a_code_already_listed_is_refused_with_a_sentence() {
        long heillecourt = communes.create(new CommuneForm("Heillecourt", "54257", "54180"));
        navigate(CommunesView.class);
        var grid = test(grid());
        int row = grid.getRow(0).id() == heillecourt ? 0 : 1;
        Button edit = (Button) grid.getCellComponent(row, 4).getChildren().findFirst().orElseThrow();
        test(edit).click();
        test($(TextField.class).withLabel("Code INSEE").single()).setValue("54328");
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Paragraph.class).withClassName("form-error").single().getText())
                .isEqualTo("Cette commune est déjà dans la liste.");
        assertThat($(Dialog.class).single().isOpened()).isTrue();
        assertThat(communes.load(heillecourt).value().inseeCode()).isEqualTo("54257");
    }

    @Test
    void a_deactivated_commune_says_so_in_the_list_and_can_be_reactivated() {
        navigate(CommunesView.class);
        var grid = test(grid());
        Button deactivate = (Button) grid.getCellComponent(0, 4).getChildren().skip(1).findFirst().orElseThrow();
        assertThat(deactivate.getText()).isEqualTo("Désactiver");
        test(deactivate).click();
        assertThat(grid.getCellComponent(0, 3)).extracting(c -> ((Span) c).getText()).isEqualTo("Désactivé");
        assertThat(directory.communes(territory.structureId())).isEmpty();
        Button reactivate = (Button) grid.getCellComponent(0, 4).getChildren().skip(1).findFirst().orElseThrow();
        test(reactivate).click();
        assertThat(directory.communes(territory.structureId())).hasSize(1);
    }

    @Test
    void a_wrong_insee_code_is_explained_next_to_the_field_and_nothing_is_saved() {
        navigate(CommunesView.class);
        test($(Button.class).withText("Ajouter une commune").single()).click();
        typeCommune("Heillecourt", "5425", "54180");
        test($(Button.class).withText("Enregistrer").single()).click();

        TextField insee = $(TextField.class).withLabel("Code INSEE").single();
        assertThat(insee.isInvalid()).isTrue();
        assertThat(insee.getErrorMessage()).startsWith("Le code INSEE compte 5 caractères");
        assertThat($(Paragraph.class).withClassName("form-error").single().getText()).isEqualTo("Vérifiez les champs signalés en rouge.");
        assertThat($(Dialog.class).single().isOpened()).as("the dialog keeps what was typed").isTrue();
        assertThat(directory.communes(territory.structureId())).extracting(CommuneSummary::name).doesNotContain("Heillecourt");
    }

    @Test
    void a_commune_already_listed_is_refused_with_a_sentence() {
        navigate(CommunesView.class);
        test($(Button.class).withText("Ajouter une commune").single()).click();
        typeCommune("Ludres encore", "54328", "54710");
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Paragraph.class).withClassName("form-error").single().getText())
                .isEqualTo("Cette commune est déjà dans la liste.");
    }
}
