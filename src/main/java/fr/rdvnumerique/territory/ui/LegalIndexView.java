package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.base.ui.PublicLayout;
import fr.rdvnumerique.base.web.LegalPaths;
import fr.rdvnumerique.territory.LegalPages;

/** Every structure's legal pages, for the screens that belong to none (portal home, sign-in, kiosk not enrolled). */
@Route(value = LegalPaths.INDEX, layout = PublicLayout.class)
@AnonymousAllowed
class LegalIndexView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final LegalPages pages;

    LegalIndexView(LegalPages pages) {
        this.pages = pages;
        addClassNames("public-page", "legal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("territory.legal.index.title")), new Paragraph(getTranslation("territory.legal.index.intro")));
        for (var entry : pages.index()) {
            var structure = entry.getKey();
            var links = new UnorderedList(
                    new ListItem(new Anchor("/" + LegalPaths.legalNotice(structure.slug()), getTranslation("territory.legal.notice.title"))),
                    new ListItem(new Anchor("/" + LegalPaths.personalData(structure.slug()), getTranslation("territory.legal.data.title"))),
                    new ListItem(new Anchor("/" + LegalPaths.accessibility(structure.slug()),
                            getTranslation("territory.legal.accessibility.title") + " ("
                                    + getTranslation("territory.legal.index.state", getTranslation(entry.getValue().labelKey())) + ")")));
            add(new Section(new H2(structure.name()), links));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("territory.legal.index.title"));
    }
}
