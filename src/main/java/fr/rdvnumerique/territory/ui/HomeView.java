package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.base.ui.PublicLayout;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.StructureSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The portal's front door. Residents choose their territory by what they know: the communes, and the places
 * where the advisor receives (with how to get in); with a single structure they go straight to it.
 */
@Route(value = "", layout = PublicLayout.class)
@AnonymousAllowed
class HomeView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final TerritoryDirectory directory;

    HomeView(TerritoryDirectory directory) {
        this.directory = directory;
        addClassName("public-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // Read on each visit: a structure opened or closed meanwhile changes the choice.
        List<StructureSummary> structures = directory.activeStructures();
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
        var choices = new Div();
        choices.addClassName("structure-choices");
        structures.forEach(structure -> choices.add(choice(structure)));
        add(choices);
    }

    private Section choice(StructureSummary structure) {
        var link = new RouterLink(structure.name(), TerritoryHomeView.class, new RouteParameters("slug", structure.slug()));
        link.addClassName("card-title");
        var section = new Section(new H3(link));
        section.addClassName("card");
        section.addClassName("structure-choice");
        String communes = directory.communes(structure.id()).stream().map(CommuneSummary::name)
                .collect(Collectors.joining(", "));
        section.add(new Paragraph(getTranslation("territory.home.communes", communes)));
        List<PlaceSummary> places = directory.places(structure.id());
        if (!places.isEmpty()) {
            section.add(new Paragraph(getTranslation("territory.home.places")));
            var list = new UnorderedList();
            list.addClassName("place-summaries");
            for (PlaceSummary place : places) {
                var name = new Span(place.name());
                name.addClassName("place-name");
                var where = new Span(place.fullAddress());
                var access = new Span(getTranslation("territory.portal.access." + place.stepFreeAccess()));
                access.addClassName("place-access");
                list.add(new ListItem(name, where, access));
            }
            section.add(list);
        }
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("territory.home.title"));
    }
}
