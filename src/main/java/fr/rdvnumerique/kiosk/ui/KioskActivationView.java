package fr.rdvnumerique.kiosk.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.territory.KioskDevices;
import fr.rdvnumerique.territory.KioskEnrolmentSettings;
import fr.rdvnumerique.territory.TerritoryDirectory;

/**
 * Opened once on the kiosk's browser by staff (link or QR code from "Bornes"): the screen keeps its secret
 * in a cookie and becomes the kiosk of its place. The link's address (with its secret) is taken out of the
 * browser's history at once, so the back button never leads to it.
 */
@Route(value = "kiosk/activer/:token", layout = KioskLayout.class, autoLayout = false)
@AnonymousAllowed
class KioskActivationView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final KioskDevices devices;
    private final TerritoryDirectory directory;
    private final KioskEnrolmentSettings enrolment;

    KioskActivationView(KioskDevices devices, TerritoryDirectory directory, KioskEnrolmentSettings enrolment) {
        this.devices = devices;
        this.directory = directory;
        this.enrolment = enrolment;
        addClassName("kiosk-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        removeAll();
        event.getUI().getPage().executeJs("history.replaceState(null, '', $0)", KioskView.ROUTE);
        devices.activate(token).ifPresentOrElse(device -> {
            KioskDeviceCookie.write(token);
            String place = directory.place(device.placeId()).map(p -> p.name()).orElse("");
            // A full load of the kiosk (not a navigation inside this page): it comes with the new cookie and
            // replaces this page in the history.
            var open = new Button(getTranslation("kiosk.activation.open"),
                    e -> getUI().ifPresent(ui -> ui.getPage().executeJs("location.replace($0)", KioskView.ROUTE)));
            open.addClassName("kiosk-primary");
            open.setId("kiosk-open");
            add(new H1(getTranslation("kiosk.activation.done")),
                    new Paragraph(getTranslation("kiosk.activation.done.text", device.label(), place)), open);
        }, () -> add(new H1(getTranslation("kiosk.activation.refused")),
                new Paragraph(getTranslation("kiosk.activation.refused.text", enrolment.linkValidity().toDays()))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("kiosk.title"));
    }
}
