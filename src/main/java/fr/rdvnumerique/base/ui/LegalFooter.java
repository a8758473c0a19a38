package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;
import fr.rdvnumerique.base.web.LegalPaths;
import java.util.Objects;

/**
 * « Mentions légales · Données personnelles · Accessibilité : partiellement conforme », at the foot of every public
 * page, the sign-in page and the kiosk's explanation page: the structure's pages when the screen belongs to one, the
 * index of every structure's pages otherwise.
 */
public class LegalFooter extends Nav {

    private final LegalFooterSource source;

    private boolean shown;
    private String shownSlug;

    /** A footer showing the index's links until {@link #show} names a structure. */
    public LegalFooter(LegalFooterSource source) {
        this(source, true);
    }

    private LegalFooter(LegalFooterSource source, boolean showIndex) {
        this.source = source;
        addClassName("legal-footer");
        setId("legal-footer");
        getElement().setAttribute("aria-label", getTranslation("legal.footer.label"));
        if (showIndex) {
            show(null);
        }
    }

    /** An empty footer for a layout, which calls {@link #show} after each navigation: nothing is read twice. */
    public static LegalFooter shownAfterNavigation(LegalFooterSource source) {
        return new LegalFooter(source, false);
    }

    /** A footer on the legal pages' source of the running application (for screens not built by Spring). */
    public static LegalFooter create() {
        return new LegalFooter(currentSource());
    }

    static LegalFooterSource currentSource() {
        var service = com.vaadin.flow.server.VaadinService.getCurrent();
        try {
            return service == null ? null : service.getInstantiator().getOrCreate(LegalFooterSource.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Links to this structure's pages (null: the index). */
    public void show(String slug) {
        if (shown && Objects.equals(slug, shownSlug)) {
            return; // a navigation within the same structure's pages
        }
        shown = true;
        shownSlug = slug;
        removeAll();
        boolean own = slug != null && source != null && source.noticeFacts(slug) != null;
        String state = source == null ? "legal.state.unknown" : source.accessibilityStateKey(own ? slug : null);
        add(link(own ? LegalPaths.legalNotice(slug) : LegalPaths.INDEX, getTranslation("legal.footer.notice"), "legal-notice"),
                link(own ? LegalPaths.personalData(slug) : LegalPaths.INDEX, getTranslation("legal.footer.personal-data"),
                        "legal-personal-data"),
                link(own ? LegalPaths.accessibility(slug) : LegalPaths.INDEX,
                        getTranslation("legal.footer.accessibility", getTranslation(state)), "legal-accessibility"));
    }

    private static Anchor link(String path, String text, String id) {
        var anchor = new Anchor("/" + path, text);
        anchor.setId(id);
        return anchor;
    }
}
