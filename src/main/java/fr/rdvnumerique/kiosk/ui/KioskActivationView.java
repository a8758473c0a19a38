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
import fr.rdvnumerique.territory.KioskDeviceRef;
import fr.rdvnumerique.territory.KioskDevices;
import fr.rdvnumerique.territory.KioskEnrolmentSettings;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;

/**
 * Opened on the kiosk's browser by staff (link or QR code from "Bornes"). Opening it changes nothing — a mail
 * program's link scanner or a preview may open it too —: it says which screen this will be, and only a touch on
 * « Activer cette borne » uses the link. The screen then keeps its own secret in a cookie and becomes the kiosk
 * of its place; the link's address is taken out of the browser's history, so the back button never leads to it.
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
        devices.pending(token).ifPresentOrElse(device -> askToActivate(token, device), this::refused);
    }

    private void askToActivate(String token, KioskDeviceRef device) {
        var activate = new Button(getTranslation("kiosk.activation.activate"), e -> activate(token));
        activate.addClassName("kiosk-primary");
        activate.setId("kiosk-activate");
        removeAll();
        add(new H1(getTranslation("kiosk.activation.question")),
                new Paragraph(getTranslation("kiosk.activation.question.text", device.label(), placeName(device))),
                activate);
    }

    private void activate(String token) {
        devices.activate(token).ifPresentOrElse(activation -> {
            KioskDeviceCookie.write(activation.secret());
            getUI().ifPresent(ui -> ui.getPage().executeJs("history.replaceState(null, '', $0)", KioskView.ROUTE));
            // A full load of the kiosk (not a navigation inside this page): it comes with the new cookie and
            // replaces this page in the history.
            var open = new Button(getTranslation("kiosk.activation.open"),
                    e -> getUI().ifPresent(ui -> ui.getPage().executeJs("location.replace($0)", KioskView.ROUTE)));
            open.addClassName("kiosk-primary");
            open.setId("kiosk-open");
            removeAll();
            add(new H1(getTranslation("kiosk.activation.done")),
                    new Paragraph(getTranslation("kiosk.activation.done.text", activation.device().label(),
                            placeName(activation.device()))), open);
        }, this::refused);
    }

    private void refused() {
        removeAll();
        add(new H1(getTranslation("kiosk.activation.refused")),
                new Paragraph(getTranslation("kiosk.activation.refused.text", enrolment.linkValidity().toDays())));
    }

    private String placeName(KioskDeviceRef device) {
        return directory.place(device.placeId()).map(PlaceSummary::name).orElse("");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("kiosk.title"));
    }
}
