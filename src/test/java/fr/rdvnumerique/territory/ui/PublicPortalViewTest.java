package fr.rdvnumerique.territory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.router.RouterLink;
import fr.rdvnumerique.base.ui.NotFoundView;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
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
        Element places = $(Html.class).all().stream().filter(h -> h.getElement().getClassList().contains("card-list"))
                .map(h -> Jsoup.parseBodyFragment("<div>" + h.getInnerHtml() + "</div>").body().child(0))
                .findFirst().orElseThrow();
        assertThat(places.select("h3").eachText()).contains("Médiathèque Portail", "Mairie Portail");
        assertThat(places.select("p").eachText())
                .contains("Accès de plain-pied, sans marche.", "Accès possible avec aide : voir les précisions.",
                        "Pour venir : Bus 1");
        assertThat(places.select("p.access-yes").eachText()).containsExactly("Accès de plain-pied, sans marche.");
        assertThat($(RouterLink.class).all()).extracting(RouterLink::getText).contains("Accueil");
    }

    @Test
    void an_unknown_territory_says_page_not_found() {
        navigate("territoire/nulle-part", NotFoundView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("Page introuvable");
    }
}
