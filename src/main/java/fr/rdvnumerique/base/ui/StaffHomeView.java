package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import fr.rdvnumerique.base.security.CurrentStaff;
import jakarta.annotation.security.PermitAll;

/** Back-office home: a greeting and a tile for each screen the person may open. */
@Route("staff")
@Menu(title = "staff.home.menu", order = 0, icon = "HOME")
@PermitAll
public class StaffHomeView extends Div implements HasDynamicTitle {

    public StaffHomeView(CurrentStaff currentStaff) {
        addClassName("staff-page");
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

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("staff.home.menu"));
    }
}
