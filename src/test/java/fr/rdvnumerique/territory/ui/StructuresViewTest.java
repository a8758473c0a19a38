package fr.rdvnumerique.territory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.territory.StructureSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class StructuresViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryDirectory directory;
    @Autowired TerritoryFixtures fixtures;

    @BeforeEach
    void signIn() {
        StaffLogin.admin();
    }

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    private void typeStructure(String name, String slug) {
        test($(TextField.class).withLabel("Nom").single()).setValue(name);
        test($(TextField.class).withLabel("Adresse dans le portail").single()).setValue(slug);
    }

    @Test
    void an_administrator_opens_a_structure_that_the_portal_then_shows() {
        String slug = "emerchicourt-" + System.nanoTime() % 100000;
        navigate(StructuresView.class);
        test($(Button.class).withText("Ajouter une structure").single()).click();
        typeStructure("Conseiller numérique d’Émerchicourt", slug);
        test($(TextField.class).withLabel("Téléphone pour les habitants").single()).setValue("03 27 00 00 01");
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        assertThat(directory.structureBySlug(slug)).get().extracting(StructureSummary::name)
                .isEqualTo("Conseiller numérique d’Émerchicourt");
        @SuppressWarnings("unchecked")
        Grid<StructureSummary> grid = $(Grid.class).single();
        var rows = test(grid);
        boolean listed = false;
        for (int i = 0; i < rows.size() && !listed; i++) {
            listed = rows.getRow(i).slug().equals(slug) && rows.getCellText(i, 1).equals(slug);
        }
        assertThat(listed).as("the new structure is in the list").isTrue();
    }

    @Test
    void a_wrong_portal_address_is_explained_next_to_the_field_and_a_taken_one_with_a_sentence() {
        var existing = fixtures.create("Adresse prise");
        navigate(StructuresView.class);
        test($(Button.class).withText("Ajouter une structure").single()).click();
        typeStructure("Structure en double", "Ludres!");
        test($(Button.class).withText("Enregistrer").single()).click();
        TextField slug = $(TextField.class).withLabel("Adresse dans le portail").single();
        assertThat(slug.isInvalid()).isTrue();
        assertThat(slug.getErrorMessage()).startsWith("Utilisez seulement des lettres minuscules");

        typeStructure("Structure en double", existing.slug());
        test($(Button.class).withText("Enregistrer").single()).click();
        assertThat($(Paragraph.class).withClassName("form-error").single().getText())
                .isEqualTo("Cette adresse est déjà utilisée par une autre structure.");
        assertThat($(Dialog.class).single().isOpened()).isTrue();
        assertThat(directory.activeStructures()).extracting(StructureSummary::name).doesNotContain("Structure en double");
    }

    @SuppressWarnings("unchecked")
    private Grid<StructureSummary> grid() {
        return $(Grid.class).single();
    }

    private int rowOf(String slug) {
        var rows = test(grid());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.getRow(i).slug().equals(slug)) {
                return i;
            }
        }
        throw new AssertionError(slug + " not in the list");
    }

    private Button rowButton(String slug, String text) {
        return $(Button.class, test(grid()).getCellComponent(rowOf(slug), 4)).withText(text).single();
    }

    @Test
    void an_administrator_changes_a_structures_details_from_its_form() {
        var existing = fixtures.create("Structure modifiée");
        navigate(StructuresView.class);
        test(rowButton(existing.slug(), "Modifier")).click();
        assertThat($(TextField.class).withLabel("Adresse dans le portail").single().getValue()).isEqualTo(existing.slug());
        test($(TextField.class).withLabel("Nom").single()).setValue("Mairie de Saint-Usage");
        test($(TextField.class).withLabel("Téléphone pour les habitants").single()).setValue("03 80 00 00 02");
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        assertThat(test(grid()).getCellText(rowOf(existing.slug()), 0)).isEqualTo("Mairie de Saint-Usage");
        assertThat(directory.structure(existing.structureId())).get()
                .satisfies(s -> assertThat(s.phone().display()).isEqualTo("03 80 00 00 02"));
    }

    @Test
    void a_structure_switched_off_from_the_list_leaves_the_portal_until_switched_on() {
        var existing = fixtures.create("Structure en pause");
        navigate(StructuresView.class);
        test(rowButton(existing.slug(), "Désactiver")).click();
        assertThat(test(grid()).getCellText(rowOf(existing.slug()), 3)).isEqualTo("Désactivé");
        assertThat(directory.structureBySlug(existing.slug())).isEmpty();

        test(rowButton(existing.slug(), "Réactiver")).click();
        assertThat(directory.structureBySlug(existing.slug())).isPresent();
    }
}
