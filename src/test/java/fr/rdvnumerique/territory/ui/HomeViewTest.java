package fr.rdvnumerique.territory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** The portal's front door: choose a territory by its communes and places, or go straight to the only one. */
@IntegrationTest
class HomeViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired JdbcTemplate jdbc;

    @Test
    void with_several_territories_residents_choose_by_their_communes_and_places() {
        var territory = fixtures.create("Accueil");
        fixtures.create("Accueil voisin");
        navigate("", HomeView.class);

        assertThat($(H1.class).single().getText()).isEqualTo("Le conseiller numérique près de chez vous");
        Section card = $(Section.class).withClassName("structure-choice").all().stream()
                .filter(s -> s.getChildren().anyMatch(c -> c.getElement().getTextRecursively().startsWith("Structure Accueil ")
                        && !c.getElement().getTextRecursively().contains("voisin")))
                .findFirst().orElseThrow();
        RouterLink link = $(RouterLink.class).from(card).single();
        assertThat(link.getHref()).isEqualTo("territoire/" + territory.slug());
        assertThat($(Paragraph.class).from(card).all()).extracting(Paragraph::getText)
                .contains("Communes : Commune Accueil", "Où rencontrer le conseiller :");
        assertThat($(ListItem.class).from(card).all()).extracting(item -> $(Span.class).from(item).all().stream()
                        .map(Span::getText).toList())
                .contains(java.util.List.of("Médiathèque Accueil", "1 rue de la Paix, 54000 Commune Accueil",
                                "Accès de plain-pied, sans marche."),
                        java.util.List.of("Mairie Accueil", "2 place de la Mairie, 54000 Commune Accueil",
                                "Accès possible avec aide : voir les précisions."));
    }

    @Test
    @Transactional // rolled back: the other structures of the shared database come back
    void with_a_single_territory_residents_go_straight_to_it() {
        var territory = fixtures.create("Seule");
        jdbc.update("update structure set active = false where id <> ? and active", territory.structureId());

        navigate("", TerritoryHomeView.class);
        assertThat($(H1.class).single().getText()).startsWith("Structure Seule");
    }
}
