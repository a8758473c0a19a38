package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The residents' frame: a plain page with large text, a skip link, the portal menu of the territory being
 * visited, and a footer. Menu entries come from {@link PublicNavItem} beans. Public views name it in their
 * route ({@code layout = PublicLayout.class}): an automatic {@code @Layout("/")} would tie with the staff
 * layout's {@code "/staff"} (Vaadin ranks layouts by path segments, and both have one).
 */
@AnonymousAllowed
@StyleSheet("styles/public.css")
public class PublicLayout extends Div implements RouterLayout, AfterNavigationObserver {

    private final Main main = new Main();
    private final Nav nav = new Nav();
    private final List<PublicNavItem> items;
    private final LegalFooter legal;

    public PublicLayout(List<PublicNavItem> items, ObjectProvider<LegalFooterSource> legalPages) {
        this.legal = LegalFooter.shownAfterNavigation(legalPages.getIfAvailable());
        this.items = items.stream().sorted(Comparator.comparingInt(PublicNavItem::order)).toList();
        addClassName("public-layout");

        var skip = new Anchor("#contenu", getTranslation("public.skip-to-content"));
        skip.addClassName("skip-link");

        // The portal's root belongs to the territory module; a router link by path keeps this layout free of it.
        var brand = new Anchor("", getTranslation("public.brand"));
        brand.getElement().setAttribute("router-link", true);
        brand.addClassName("brand");
        var tagline = new Paragraph(getTranslation("public.tagline"));
        tagline.addClassName("tagline");
        nav.addClassName("public-nav");
        nav.getElement().setAttribute("aria-label", getTranslation("public.nav.label"));
        var header = new Header(new Div(brand, tagline), nav);
        header.addClassName("public-header");

        main.setId("contenu");
        main.addClassName("public-main");

        var language = new Button(getTranslation("public.language.switch"), e -> switchLanguage());
        language.addThemeVariants(ButtonVariant.TERTIARY);
        language.getElement().setAttribute("lang", getTranslation("public.language.switch.lang"));
        var staff = new Anchor("staff", getTranslation("public.staff-link"));
        var footer = new Footer(new Div(new Paragraph(getTranslation("public.footer.free")), legal), new Div(staff, language));
        footer.addClassName("public-footer");

        add(skip, header, main, footer);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.removeAll();
        if (content != null) {
            main.getElement().appendChild(Objects.requireNonNull(content.getElement()));
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        nav.removeAll();
        event.getRouteParameters().get("slug").ifPresent(slug -> {
            var params = new RouteParameters("slug", slug);
            for (PublicNavItem item : items) {
                nav.add(link(item.labelKey(), item.view(), params));
            }
        });
        nav.setVisible(nav.getChildren().findAny().isPresent());
        legal.show(event.getRouteParameters().get("slug").orElse(null));
    }

    private RouterLink link(String key, Class<? extends Component> view, RouteParameters params) {
        var link = new RouterLink(getTranslation(key), view, params);
        link.setHighlightCondition((l, e) -> e.getLocation().getPath().equals(l.getHref()));
        return link;
    }

    private void switchLanguage() {
        var session = VaadinSession.getCurrent();
        Locale next = Locale.ENGLISH.getLanguage().equals(getLocale().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
        session.setLocale(next);
        UI.getCurrent().getPage().reload();
    }
}
