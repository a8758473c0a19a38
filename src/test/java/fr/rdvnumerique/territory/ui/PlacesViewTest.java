package fr.rdvnumerique.territory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import fr.rdvnumerique.base.i18n.Article;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.territory.CommuneForm;
import fr.rdvnumerique.territory.CommuneService;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.PlaceForm;
import fr.rdvnumerique.territory.PlaceKind;
import fr.rdvnumerique.territory.PlaceService;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.StepFreeAccess;
import fr.rdvnumerique.territory.TerritoryDirectory;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PlacesViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired TerritoryDirectory directory;
    @Autowired CommuneService communes;
    @Autowired PlaceService places;

    TerritoryFixtures.TestTerritory territory;

    @BeforeEach
    void signIn() {
        territory = fixtures.create("Vue lieux");
        StaffLogin.coordinator(territory.structureId());
    }

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    @SuppressWarnings("unchecked")
    private Grid<PlaceSummary> grid() {
        return $(Grid.class).single();
    }

    private int rowOf(String name) {
        var grid = test(grid());
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not in the grid");
    }

    @Test
    void a_coordinator_adds_a_place_with_its_access_and_sees_it_in_the_list() {
        navigate(PlacesView.class);
        test($(Button.class).withText("Ajouter un lieu").single()).click();
        test($(TextField.class).id("place-name")).setValue("Tiers-lieu de la Gare");
        test($(TextField.class).id("place-address")).setValue("5 avenue de la Gare");
        test($(TextArea.class).id("place-transport")).setValue("Train TER, gare à 200 m");
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        int row = rowOf("Tiers-lieu de la Gare");
        assertThat(test(grid()).getCellText(row, 2)).isEqualTo("5 avenue de la Gare, 54000 Commune Vue lieux");
        assertThat(directory.places(territory.structureId())).extracting(PlaceSummary::name, PlaceSummary::transport)
                .contains(org.assertj.core.groups.Tuple.tuple("Tiers-lieu de la Gare", "Train TER, gare à 200 m"));
    }

    @Test
    void a_place_without_address_is_explained_next_to_the_field_and_nothing_is_saved() {
        navigate(PlacesView.class);
        test($(Button.class).withText("Ajouter un lieu").single()).click();
        test($(TextField.class).id("place-name")).setValue("Sans adresse");
        test($(Button.class).withText("Enregistrer").single()).click();

        TextField address = $(TextField.class).id("place-address");
        assertThat(address.isInvalid()).isTrue();
        assertThat(address.getErrorMessage()).isEqualTo("Ce champ est obligatoire.");
        assertThat($(Paragraph.class).withClassName("form-error").single().getText()).isEqualTo("Vérifiez les champs signalés en rouge.");
        assertThat($(Dialog.class).single().isOpened()).isTrue();
        assertThat(directory.places(territory.structureId())).extracting(PlaceSummary::name).doesNotContain("Sans adresse");
    }

    @Test
    void a_place_keeps_its_commune_deactivated_since_which_the_form_marks_as_such() {
        long houdemont = communes.create(new CommuneForm("Houdemont", "54265", "54180"));
        long place = places.create(new PlaceForm(houdemont, "Mairie de Houdemont", null, PlaceKind.MAIRIE, "2 rue de la République",
                StepFreeAccess.PARTIAL, null, null, null));
        communes.setActive(houdemont, false);

        navigate(PlacesView.class);
        Button edit = (Button) test(grid()).getCellComponent(rowOf("Mairie de Houdemont"), 5).getChildren().findFirst().orElseThrow();
        test(edit).click();
        @SuppressWarnings("unchecked")
        ComboBox<CommuneSummary> commune = $(ComboBox.class).id("place-commune");
        assertThat(commune.getValue()).extracting(CommuneSummary::id).isEqualTo(houdemont);
        assertThat(test(commune).getSuggestions()).contains("Houdemont (désactivée)", "Commune Vue lieux");
        test($(TextField.class).id("place-name")).setValue("Mairie de Houdemont, salle du conseil");
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        assertThat(places.load(place).value().communeId()).isEqualTo(houdemont);
        assertThat(places.load(place).value().name()).isEqualTo("Mairie de Houdemont, salle du conseil");
    }

    @Test
    void a_coordinator_says_how_sentences_name_a_place_and_the_mails_follow() {
        navigate(PlacesView.class);
        Button edit = (Button) test(grid()).getCellComponent(rowOf("Médiathèque Vue lieux"), 5).getChildren()
                .findFirst().orElseThrow();
        test(edit).click();
        @SuppressWarnings("unchecked")
        Select<Article> article = $(Select.class).id("place-article");
        assertThat(article.getValue()).isEqualTo(Article.LA);

        // A new name: the first guess follows it, and each choice reads with the name typed.
        test($(TextField.class).id("place-name")).setValue("Espace numérique de la Gare");
        assertThat(article.getValue()).isEqualTo(Article.L);
        assertThat(article.getItemLabelGenerator().apply(Article.L))
                .isEqualTo("l’Espace numérique de la Gare · à l’Espace numérique de la Gare · de l’Espace numérique de la Gare");
        test($(Button.class).withText("Enregistrer").single()).click();
        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        assertThat(directory.place(territory.placeId()).orElseThrow().named().after("à"))
                .isEqualTo("à l’Espace numérique de la Gare");

        // A choice by hand stays, and is saved.
        test((Button) test(grid()).getCellComponent(rowOf("Espace numérique de la Gare"), 5).getChildren()
                .findFirst().orElseThrow()).click();
        test($(TextField.class).id("place-name")).setValue("Halles du marché");
        @SuppressWarnings("unchecked")
        Select<Article> reopened = $(Select.class).id("place-article");
        test(reopened).selectItem("les Halles du marché · aux Halles du marché · des Halles du marché");
        test($(Button.class).withText("Enregistrer").single()).click();
        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        var saved = directory.place(territory.placeId()).orElseThrow();
        assertThat(saved.article()).isEqualTo(Article.LES);
        assertThat(saved.named().after("de")).isEqualTo("des Halles du marché");
    }
}
