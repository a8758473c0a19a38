package fr.rdvnumerique.territory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.base.security.StaffLogin;
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
