package fr.rdvnumerique.territory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
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

/** « Ma structure »: a coordinator keeps the portal's name and phone up to date, nothing else. */
@IntegrationTest
class MyStructureViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired TerritoryDirectory directory;

    TerritoryFixtures.TestTerritory territory;

    @BeforeEach
    void signIn() {
        territory = fixtures.create("Ma structure");
        StaffLogin.coordinator(territory.structureId());
    }

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    @Test
    void a_coordinator_changes_the_phone_residents_see() {
        navigate(MyStructureView.class);
        assertThat($(TextField.class).id("structure-phone").getValue()).isEqualTo("03 53 01 00 09");
        test($(TextField.class).id("structure-name")).setValue("Conseiller numérique du secteur");
        test($(TextField.class).id("structure-phone")).setValue("03 53 01 00 10");
        test($(Button.class).id("structure-save")).click();

        var structure = directory.structure(territory.structureId()).orElseThrow();
        assertThat(structure.name()).isEqualTo("Conseiller numérique du secteur");
        assertThat(structure.phone().display()).isEqualTo("03 53 01 00 10");
        assertThat(structure.slug()).isEqualTo(territory.slug());
        // The article followed the new name: mails say « Appelez le Conseiller numérique du secteur ».
        assertThat(structure.named().withArticle()).isEqualTo("le Conseiller numérique du secteur");
        assertThat($(Paragraph.class).withClassName("form-error").exists()).as("no error shown").isFalse();

        // Saved twice in a row: the form took the new version.
        test($(TextField.class).id("structure-phone")).setValue("03 53 01 00 11");
        test($(Button.class).id("structure-save")).click();
        assertThat(directory.structure(territory.structureId())).get().extracting(StructureSummary::phone)
                .extracting(p -> p.display()).isEqualTo("03 53 01 00 11");
    }

    @Test
    void a_wrong_phone_number_is_explained_next_to_the_field_and_nothing_is_saved() {
        navigate(MyStructureView.class);
        test($(TextField.class).id("structure-phone")).setValue("12");
        test($(Button.class).id("structure-save")).click();

        TextField phone = $(TextField.class).id("structure-phone");
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).startsWith("Ce numéro de téléphone n’est pas valide.");
        assertThat($(Paragraph.class).withClassName("form-error").single().getText()).isEqualTo("Vérifiez les champs signalés en rouge.");
        assertThat(directory.structure(territory.structureId())).get().extracting(s -> s.phone().display())
                .isEqualTo("03 53 01 00 09");
    }

    @Test
    void a_coordinator_chooses_how_sentences_name_the_structure() {
        navigate(MyStructureView.class);
        test($(TextField.class).id("structure-name")).setValue("Ateliers numériques du Val");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<fr.rdvnumerique.base.i18n.Article> article =
                $(com.vaadin.flow.component.select.Select.class).id("structure-article");
        test(article).selectItem("les Ateliers numériques du Val · aux Ateliers numériques du Val · des Ateliers numériques du Val");
        test($(Button.class).id("structure-save")).click();

        var structure = directory.structure(territory.structureId()).orElseThrow();
        assertThat(structure.article()).isEqualTo(fr.rdvnumerique.base.i18n.Article.LES);
        assertThat(structure.named().after("à")).isEqualTo("aux Ateliers numériques du Val");
    }
}
