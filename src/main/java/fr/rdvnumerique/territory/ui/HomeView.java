package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.base.ui.PublicLayout;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.StructureSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The portal's front door. Residents choose their territory by the communes they know; with a single
 * structure they go straight to it.
 */
@Route(value = "", layout = PublicLayout.class)
@AnonymousAllowed
class HomeView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final List<StructureSummary> structures;
    private final TerritoryDirectory directory;

    HomeView(TerritoryDirectory directory) {
        this.directory = directory;
        this.structures = directory.activeStructures();
        addClassName("public-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (structures.size() == 1) {
            event.forwardTo(TerritoryHomeView.class, new RouteParameters("slug", structures.getFirst().slug()));
            return;
        }
        removeAll();
        add(new H1(getTranslation("territory.home.title")), new Paragraph(getTranslation("territory.home.intro")));
        if (structures.isEmpty()) {
            add(new Paragraph(getTranslation("territory.home.none")));
            return;
        }
        add(new H2(getTranslation("territory.home.choose")));
        var cards = new Div();
        cards.addClassName("card-list");
        for (StructureSummary structure : structures) {
            String communes = directory.communes(structure.id()).stream().map(CommuneSummary::name)
                    .collect(Collectors.joining(", "));
            var link = new RouterLink(structure.name(), TerritoryHomeView.class, new RouteParameters("slug", structure.slug()));
            link.addClassName("card-title");
            var card = new Div(link, new Paragraph(getTranslation("territory.home.communes", communes)));
            card.addClassName("card");
            cards.add(card);
        }
        add(cards);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("territory.home.title") + " – RDV Numérique";
    }
}
