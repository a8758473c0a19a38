package fr.rdvnumerique.territory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import fr.rdvnumerique.base.ui.NotFoundView;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The public portal's first content: a territory's communes and places, with access, in French. */
@IntegrationTest
class PublicPortalViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures fixtures;

    @Test
    void a_territory_page_shows_its_places_with_access_information() {
        var territory = fixtures.create("Portail");
        navigate("territoire/" + territory.slug(), TerritoryHomeView.class);

        assertThat($(H1.class).single().getText()).startsWith("Structure Portail");
        assertThat($(H3.class).all()).extracting(H3::getText).contains("Médiathèque Portail", "Mairie Portail");
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText)
                .contains("Accès de plain-pied, sans marche.", "Accès possible avec aide : voir les précisions.",
                        "Pour venir : Bus 1");
        assertThat($(RouterLink.class).all()).extracting(RouterLink::getText).contains("Accueil");
    }

    @Test
    void an_unknown_territory_says_page_not_found() {
        navigate("territoire/nulle-part", NotFoundView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Page introuvable");
    }
}
