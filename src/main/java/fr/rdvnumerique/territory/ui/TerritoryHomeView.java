package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.base.ui.PublicLayout;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.StepFreeAccess;
import fr.rdvnumerique.territory.StructureSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;

/** A territory's portal home: what the service is, its communes, and where to find the advisor. */
@Route(value = "territoire/:slug", layout = PublicLayout.class)
@AnonymousAllowed
class TerritoryHomeView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final TerritoryDirectory directory;
    private String title = "";

    TerritoryHomeView(TerritoryDirectory directory) {
        this.directory = directory;
        addClassName("public-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        StructureSummary structure = directory.structureBySlug(slug).orElseThrow(NotFoundException::new);
        title = structure.name();
        removeAll();
        add(new H1(structure.name()));
        var intro = new Paragraph(getTranslation("territory.portal.intro"));
        intro.addClassName("lead");
        add(intro);
        if (structure.phone() != null) {
            var phone = new Anchor("tel:" + structure.phone().e164(), structure.phone().display());
            add(new Paragraph(new com.vaadin.flow.component.html.Span(getTranslation("territory.portal.call") + " "), phone));
        }
        add(communes(structure), places(structure));
    }

    private Section communes(StructureSummary structure) {
        var list = new UnorderedList();
        list.addClassName("commune-list");
        directory.communes(structure.id()).forEach(c -> list.add(new ListItem(c.name() + " (" + c.postalCode() + ")")));
        return new Section(new H2(getTranslation("territory.portal.communes")), list);
    }

    private Section places(StructureSummary structure) {
        var cards = new Div();
        cards.addClassName("card-list");
        for (PlaceSummary place : directory.places(structure.id())) {
            var card = new Div();
            card.addClassName("card");
            card.add(new H3(place.name()));
            card.add(new Paragraph(getTranslation(place.kind().labelKey()) + " · " + place.fullAddress()));
            var access = new Paragraph(getTranslation("territory.portal.access." + place.stepFreeAccess()));
            access.addClassName(place.stepFreeAccess() == StepFreeAccess.YES ? "access-yes" : "access-other");
            card.add(access);
            if (place.transport() != null) {
                card.add(new Paragraph(getTranslation("territory.portal.transport", place.transport())));
            }
            if (place.parking() != null) {
                card.add(new Paragraph(getTranslation("territory.portal.parking", place.parking())));
            }
            if (place.publicNotes() != null) {
                card.add(new Paragraph(place.publicNotes()));
            }
            cards.add(card);
        }
        return new Section(new H2(getTranslation("territory.portal.places")), cards);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", title);
    }
}
