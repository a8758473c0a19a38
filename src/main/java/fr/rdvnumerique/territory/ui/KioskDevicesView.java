package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.StaffGridPage;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.base.web.PublicUrls;
import fr.rdvnumerique.base.web.QrCodes;
import fr.rdvnumerique.territory.KioskDeviceSummary;
import fr.rdvnumerique.territory.KioskDevices;
import fr.rdvnumerique.territory.PlaceService;
import fr.rdvnumerique.territory.PlaceSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** Touch screens ("bornes") of the structure: enrol one for a place, see when it was last used, revoke it. */
@Route("staff/bornes")
@Menu(title = "territory.kiosks.menu", order = 54, icon = "TABLET")
@RolesAllowed(Role.COORDINATOR_NAME)
class KioskDevicesView extends StaffGridPage<KioskDeviceSummary> {

    private final KioskDevices devices;
    private final PlaceService places;
    private final PublicUrls urls;
    private final ComboBox<PlaceSummary> place = new ComboBox<>();
    private final EditorDialog<KioskEnrolmentForm> editor;

    KioskDevicesView(KioskDevices devices, PlaceService places, PublicUrls urls) {
        super("territory.kiosks.title", "territory.kiosks.add");
        this.devices = devices;
        this.places = places;
        this.urls = urls;
        this.editor = editor();
        addComponentAtIndex(1, new Paragraph(getTranslation("territory.kiosks.intro")));
        grid.addColumn(KioskDeviceSummary::label).setHeader(getTranslation("territory.kiosk.label")).setFlexGrow(1);
        grid.addColumn(KioskDeviceSummary::placeName).setHeader(getTranslation("territory.kiosk.place")).setFlexGrow(1);
        grid.addColumn(d -> getTranslation(d.revoked() ? "territory.kiosk.state.revoked"
                : d.linkExpired() ? "territory.kiosk.state.expired"
                : d.pending() ? "territory.kiosk.state.pending"
                : d.placeSwitchedOff() ? "territory.kiosk.state.switched-off" : "territory.kiosk.state.active"))
                .setHeader(getTranslation("column.status")).setAutoWidth(true);
        grid.addColumn(d -> d.lastSeenAt() == null ? "—" : FrenchDates.dayAndTime(d.lastSeenAt()))
                .setHeader(getTranslation("territory.kiosk.last-seen")).setAutoWidth(true);
        grid.addComponentColumn(d -> {
            var revoke = new Button(getTranslation("territory.kiosk.revoke"), e -> confirmRevoke(d));
            revoke.setId("kiosk-revoke-" + d.id());
            revoke.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            revoke.setVisible(!d.revoked());
            return revoke;
        }).setHeader(getTranslation("column.actions")).setAutoWidth(true).setFlexGrow(0);
        setItems(devices::list);
    }

    @Override
    protected void onAdd() {
        List<PlaceSummary> active = places.active();
        place.setItems(active);
        Long only = active.size() == 1 ? active.getFirst().id() : null;
        editor.edit(getTranslation("territory.kiosks.add"), new KioskEnrolmentForm(only, getTranslation("territory.kiosk.default-label")),
                enrolment -> showActivation(devices.enrol(enrolment.placeId(), enrolment.label())), this::refresh);
    }

    /** A revoked screen stops at once and cannot come back without a new activation: ask first. */
    private void confirmRevoke(KioskDeviceSummary device) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("territory.kiosk.revoke.question", device.label()));
        dialog.add(new Paragraph(getTranslation("territory.kiosk.revoke.explain", device.placeName())));
        var keep = new Button(getTranslation("territory.kiosk.revoke.keep"), e -> dialog.close());
        keep.setId("kiosk-revoke-keep");
        var confirm = new Button(getTranslation("territory.kiosk.revoke.confirm"), e -> {
            dialog.close();
            revoke(device);
        });
        confirm.setId("kiosk-revoke-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        dialog.getFooter().add(keep, confirm);
        dialog.open();
    }

    private void revoke(KioskDeviceSummary device) {
        try {
            devices.revoke(device.id());
            UiMessages.success(this, "territory.kiosk.revoked", device.label());
            refresh();
        } catch (RuntimeException e) {
            UiMessages.error(this, e);
        }
    }

    /** The secret is shown once: as a link to open on the screen, and as a QR code to scan with it. */
    private void showActivation(String token) {
        String link = urls.of("kiosk/activer/" + token);
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("territory.kiosk.activation.title"));
        var qr = new Image(QrCodes.pngDataUrl(link, 280), getTranslation("territory.kiosk.activation.qr"));
        var anchor = new Anchor(link, link);
        anchor.addClassName("activation-link");
        anchor.setId("kiosk-activation-link");
        dialog.add(new Paragraph(getTranslation("territory.kiosk.activation.text")), qr, new Div(anchor),
                new Paragraph(new Span(getTranslation("territory.kiosk.activation.once"))));
        var close = new Button(getTranslation("territory.kiosk.activation.close"), e -> dialog.close());
        close.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(close);
        dialog.open();
    }

    private EditorDialog<KioskEnrolmentForm> editor() {
        var binder = new Binder<>(KioskEnrolmentForm.class);
        place.setLabel(getTranslation("territory.kiosk.place"));
        place.setItemLabelGenerator(PlaceSummary::name);
        place.setId("kiosk-place");
        var label = new TextField(getTranslation("territory.kiosk.label"));
        label.setId("kiosk-label");
        label.setMaxLength(80);
        binder.forField(place).asRequired(getTranslation("validation.required"))
                .withConverter(p -> p == null ? null : p.id(),
                        id -> id == null ? null : place.getListDataView().getItems().filter(p -> p.id() == id).findFirst().orElse(null))
                .bind("placeId");
        binder.forField(label).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(v -> Texts.required(v, 80))).bind("label");
        return new EditorDialog<>(binder, place, label);
    }
}
