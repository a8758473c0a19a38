package fr.rdvnumerique.territory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.territory.CommuneForm;
import fr.rdvnumerique.territory.CommuneService;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.ConventionForm;
import fr.rdvnumerique.territory.ConventionService;
import fr.rdvnumerique.territory.ConventionSummary;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

@IntegrationTest
class ConventionsViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired CommuneService communes;
    @Autowired ConventionService conventions;

    TerritoryFixtures.TestTerritory territory;

    @BeforeEach
    void signIn() {
        territory = fixtures.create("Vue conventions");
        StaffLogin.coordinator(territory.structureId());
    }

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    @SuppressWarnings("unchecked")
    private Grid<ConventionSummary> grid() {
        return $(Grid.class).single();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<CommuneSummary> host() {
        return $(ComboBox.class).id("convention-host");
    }

    private BigDecimalField hours(String commune) {
        return $(BigDecimalField.class).withLabel("Heures pour " + commune).single();
    }

    private String formError() {
        return $(Paragraph.class).withClassName("form-error").single().getText();
    }

    @Test
    void a_coordinator_records_a_convention_and_sees_its_hours_in_the_list() {
        navigate(ConventionsView.class);
        test($(Button.class).withText("Ajouter une convention").single()).click();
        test($(TextField.class).withLabel("Intitulé").single()).setValue("Convention de mutualisation 2026");
        test(host()).selectItem("Commune Vue conventions");
        hours("Commune Vue conventions").setValue(new BigDecimal("35"));
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        var grid = test(grid());
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, 0)).isEqualTo("Convention de mutualisation 2026");
        assertThat(grid.getCellText(0, 1)).isEqualTo("Commune Vue conventions");
        assertThat(grid.getCellText(0, 3)).isEqualTo("35 h par semaine");
        assertThat(conventions.list(Pageable.unpaged()).getContent()).singleElement()
                .extracting(c -> c.instalments().size()).isEqualTo(3);
    }

    @Test
    void a_convention_without_hours_is_refused_with_a_sentence_and_nothing_is_saved() {
        navigate(ConventionsView.class);
        test($(Button.class).withText("Ajouter une convention").single()).click();
        test($(TextField.class).withLabel("Intitulé").single()).setValue("Convention vide");
        test(host()).selectItem("Commune Vue conventions");
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat(formError()).isEqualTo("Indiquez les heures d’au moins une commune.");
        assertThat($(Dialog.class).single().isOpened()).as("the dialog keeps what was typed").isTrue();
        assertThat($(TextField.class).withLabel("Intitulé").single().getValue()).isEqualTo("Convention vide");
        assertThat(conventions.list(Pageable.unpaged()).getContent()).isEmpty();
    }

    @Test
    void a_convention_is_switched_off_and_on_from_the_list() {
        conventions.create(convention(territory.communeId(), List.of(new ConventionForm.Share(territory.communeId(), BigDecimal.TEN))));
        navigate(ConventionsView.class);
        var grid = test(grid());
        Button deactivate = (Button) grid.getCellComponent(0, 6).getChildren().skip(1).findFirst().orElseThrow();
        assertThat(deactivate.getText()).isEqualTo("Désactiver");
        test(deactivate).click();
        assertThat(((Span) grid.getCellComponent(0, 5)).getText()).isEqualTo("Désactivé");
        assertThat(conventions.inForce(LocalDate.of(2026, 6, 1))).isEmpty();
        test((Button) grid.getCellComponent(0, 6).getChildren().skip(1).findFirst().orElseThrow()).click();
        assertThat(conventions.inForce(LocalDate.of(2026, 6, 1))).isPresent();
    }

    @Test
    void editing_a_convention_keeps_the_hours_of_a_partner_commune_deactivated_since() {
        long houdemont = communes.create(new CommuneForm("Houdemont", "54265", "54180"));
        long id = conventions.create(convention(territory.communeId(), List.of(
                new ConventionForm.Share(territory.communeId(), new BigDecimal("21")),
                new ConventionForm.Share(houdemont, new BigDecimal("14")))));
        communes.setActive(houdemont, false);

        navigate(ConventionsView.class);
        test((Button) test(grid()).getCellComponent(0, 6).getChildren().findFirst().orElseThrow()).click();
        assertThat(hours("Houdemont (désactivée)").getValue()).isEqualByComparingTo("14");
        test($(TextField.class).withLabel("Intitulé").single()).setValue("Convention 2026, avenant");
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        var saved = conventions.load(id).value();
        assertThat(saved.title()).isEqualTo("Convention 2026, avenant");
        assertThat(saved.shares()).extracting(ConventionForm.Share::communeId).containsExactlyInAnyOrder(territory.communeId(), houdemont);
    }

    @Test
    void editing_a_convention_whose_host_commune_was_deactivated_shows_it_and_saves() {
        long houdemont = communes.create(new CommuneForm("Houdemont", "54265", "54180"));
        long id = conventions.create(convention(houdemont, List.of(new ConventionForm.Share(houdemont, new BigDecimal("35")))));
        communes.setActive(houdemont, false);

        navigate(ConventionsView.class);
        test((Button) test(grid()).getCellComponent(0, 6).getChildren().findFirst().orElseThrow()).click();
        assertThat(host().getValue()).extracting(CommuneSummary::id).isEqualTo(houdemont);
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        assertThat(conventions.load(id).value().hostCommuneId()).isEqualTo(houdemont);
    }

    private static ConventionForm convention(long host, List<ConventionForm.Share> shares) {
        return new ConventionForm("Convention 2026", host, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 12, 31), 1, new BigDecimal("50000"), BigDecimal.ZERO, shares, List.of());
    }
}
