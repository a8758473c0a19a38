package fr.rdvnumerique.territory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A screen that belongs to no structure (sign-in, portal home) links to every structure's three legal pages. */
@IntegrationTest
class LegalIndexViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures territories;

    @Test
    void every_structure_lists_its_three_legal_pages_with_its_accessibility_state() {
        var territory = territories.create("Index legal");

        LegalIndexView view = navigate(LegalIndexView.class);

        assertThat(view.getPageTitle()).startsWith("Informations légales");
        assertThat($(H1.class).single().getText()).isEqualTo("Informations légales");
        Section section = $(Section.class).all().stream()
                .filter(s -> s.getChildren().anyMatch(c -> c instanceof H2 h && h.getText().contains("Index legal")))
                .findFirst().orElseThrow();
        var hrefs = $(Anchor.class, section).all().stream().map(Anchor::getHref).toList();
        assertThat(hrefs).hasSize(3).allSatisfy(href -> assertThat(href).contains(territory.slug()));
        assertThat(section.getElement().getTextRecursively()).contains("Accessibilité : ");
    }
}
