package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
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
import org.springframework.web.util.HtmlUtils;

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

    /*
     * The communes and the places are written as HTML, every text escaped, rather than as a component per line:
     * each component weighs on every visitor's session, and a département has dozens of communes and places
     * (issue 14: memory per visitor).
     */
    private Section communes(StructureSummary structure) {
        var html = new StringBuilder("<ul class=\"commune-list\">");
        directory.communes(structure.id()).forEach(c -> html.append("<li>").append(escape(c.name() + " (" + c.postalCode() + ")"))
                .append("</li>"));
        return new Section(new H2(getTranslation("territory.portal.communes")), new Html(html.append("</ul>").toString()));
    }

    private Section places(StructureSummary structure) {
        var html = new StringBuilder("<div class=\"card-list\">");
        for (PlaceSummary place : directory.places(structure.id())) {
            html.append("<div class=\"card\"><h3>").append(escape(place.name())).append("</h3>");
            paragraph(html, null, getTranslation(place.kind().labelKey()) + " · " + place.fullAddress());
            paragraph(html, place.stepFreeAccess() == StepFreeAccess.YES ? "access-yes" : "access-other",
                    getTranslation("territory.portal.access." + place.stepFreeAccess()));
            if (place.transport() != null) {
                paragraph(html, null, getTranslation("territory.portal.transport", place.transport()));
            }
            if (place.parking() != null) {
                paragraph(html, null, getTranslation("territory.portal.parking", place.parking()));
            }
            if (place.publicNotes() != null) {
                paragraph(html, null, place.publicNotes());
            }
            html.append("</div>");
        }
        return new Section(new H2(getTranslation("territory.portal.places")), new Html(html.append("</div>").toString()));
    }

    private static void paragraph(StringBuilder html, String className, String text) {
        html.append(className == null ? "<p>" : "<p class=\"" + className + "\">").append(escape(text)).append("</p>");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", title);
    }
}
