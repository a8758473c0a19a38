package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.rdvnumerique.base.security.CurrentStaff;
import jakarta.annotation.security.PermitAll;
import org.springframework.core.env.Environment;

/**
 * Back-office frame for every view under {@code /staff}. The menu comes from the views' {@code @Menu}
 * annotations (titles are i18n keys) and shows only what the signed-in person may open, so this layout
 * never imports a feature view.
 */
@Layout("/staff")
@PermitAll
@StyleSheet("styles/staff.css")
public class StaffLayout extends AppLayout implements AfterNavigationObserver {

    private final SideNav nav = new SideNav();

    public StaffLayout(CurrentStaff currentStaff, AuthenticationContext authentication, Environment environment) {
        addClassName("staff-layout");
        var title = new Span(getTranslation("staff.app-title"));
        title.addClassName("staff-title");
        var toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("staff.menu.toggle"));

        var user = new Span(currentStaff.principal().map(p -> p.displayName()).orElse(""));
        user.addClassName("staff-user");
        var logout = new Button(getTranslation("staff.logout"), new Icon(VaadinIcon.SIGN_OUT), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.TERTIARY);
        var header = new Div(toggle, title, user, logout);
        header.addClassName("staff-header");
        addToNavbar(header);

        nav.setLabel(getTranslation("staff.menu.label"));
        nav.addClassName("staff-nav");
        // The release, so that a coordinator reporting a problem can say which one they run.
        var version = new Span(getTranslation("staff.version", environment.getProperty("info.app.version", "")));
        version.addClassName("staff-version");
        version.setId("staff-version");
        var drawer = new Div(new Scroller(nav), version);
        drawer.addClassName("staff-drawer");
        addToDrawer(drawer);
        setPrimarySection(Section.DRAWER);
    }

    /** Menu entry paths may start with a slash ("/staff/lieux"). */
    static boolean isStaffPath(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.equals("staff") || relative.startsWith("staff/");
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // Built after navigation: the menu depends on who is signed in, and on the locale.
        nav.removeAll();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (StaffLayout.isStaffPath(entry.path())) {
                var item = new SideNavItem(getTranslation(entry.title()), entry.path());
                if (entry.icon() != null && !entry.icon().isBlank()) {
                    item.setPrefixComponent(VaadinIcon.valueOf(entry.icon()).create());
                }
                nav.addItem(item);
            }
        }
    }
}
