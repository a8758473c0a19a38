package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.Component;
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
import com.vaadin.flow.router.NotFoundException;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.territory.LegalPages;
import java.time.LocalDate;

/** The shape of the three public legal pages: one h1, sections with an h2 each; blanks read « à compléter ». */
abstract class LegalPageView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final LegalPages pages;
    private final String titleKey;

    LegalPageView(LegalPages pages, String titleKey) {
        this.pages = pages;
        this.titleKey = titleKey;
        addClassNames("public-page", "legal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        LegalPages.LegalPage page = pages.bySlug(slug).orElseThrow(NotFoundException::new);
        removeAll();
        var title = new H1(getTranslation(titleKey));
        title.setId("legal-title");
        add(title);
        render(page);
    }

    /** The page's sections, after its title. */
    abstract void render(LegalPages.LegalPage page);

    Section section(String titleKey, Component... content) {
        var section = new Section(new H2(getTranslation(titleKey)));
        section.add(content);
        return section;
    }

    Paragraph text(String key, Object... arguments) {
        return new Paragraph(getTranslation(key, arguments));
    }

    static UnorderedList list(Component... items) {
        var list = new UnorderedList();
        for (Component item : items) {
            list.add(new ListItem(item));
        }
        return list;
    }

    ListItem item(String key, Object... arguments) {
        return new ListItem(getTranslation(key, arguments));
    }

    /** The value, or « à compléter ». */
    String orMissing(String value) {
        return value == null || value.isBlank() ? getTranslation("territory.legal.missing") : value;
    }

    /** A value from the configuration, or « à compléter par l'exploitant ». */
    String orOperator(String value) {
        return value == null || value.isBlank() ? getTranslation("territory.legal.missing.operator") : value;
    }

    String date(LocalDate date) {
        return date == null ? getTranslation("territory.legal.missing") : FrenchDates.day(date);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation(titleKey));
    }
}
