package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import fr.rdvnumerique.base.security.CurrentStaff;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Back-office home: the modules' alerts, a greeting and a tile for each screen the person may open. */
@Route("staff")
@Menu(title = "staff.home.menu", order = 0, icon = "HOME")
@PermitAll
public class StaffHomeView extends Div implements HasDynamicTitle {

    public StaffHomeView(CurrentStaff currentStaff, List<StaffAlert> alerts) {
        addClassName("staff-page");
        for (StaffAlert alert : alerts) {
            alert.current().ifPresent(notice -> add(banner(notice)));
        }
        String name = currentStaff.principal().map(p -> p.displayName()).orElse("");
        add(new H1(getTranslation("staff.home.title", name)), new Paragraph(getTranslation("staff.home.intro")));
        var tiles = new Div();
        tiles.addClassName("staff-tiles");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (StaffLayout.isStaffPath(entry.path()) && !entry.menuClass().equals(StaffHomeView.class)) {
                var tile = new Anchor(entry.path(), getTranslation(entry.title()));
                tile.getElement().setAttribute("router-link", true);
                tile.addClassName("staff-tile");
                tiles.add(tile);
            }
        }
        add(tiles);
    }

    private Div banner(StaffAlert.Notice notice) {
        var banner = new Div(new Span(getTranslation(notice.messageKey(), notice.arguments().toArray()) + " "));
        if (notice.view() != null) {
            banner.add(new RouterLink(getTranslation(notice.linkKey()), notice.view()));
        }
        banner.addClassName("staff-alert");
        banner.getElement().setAttribute("role", "alert");
        return banner;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("staff.home.menu"));
    }
}
