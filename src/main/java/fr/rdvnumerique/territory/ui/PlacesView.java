package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.i18n.Article;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.Fields;
import fr.rdvnumerique.base.ui.StaffGridPage;
import fr.rdvnumerique.territory.CommuneService;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.PlaceForm;
import fr.rdvnumerique.territory.PlaceKind;
import fr.rdvnumerique.territory.PlaceService;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.StepFreeAccess;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The places where the structure's advisors receive people. */
@Route("staff/lieux")
@Menu(title = "territory.places.menu", order = 51, icon = "BUILDING")
@RolesAllowed(Role.COORDINATOR_NAME)
class PlacesView extends StaffGridPage<PlaceSummary> {

    private final PlaceService places;
    private final CommuneService communes;
    private final ComboBox<CommuneSummary> commune = new ComboBox<>();
    private final EditorDialog<PlaceForm> editor;

    PlacesView(PlaceService places, CommuneService communes) {
        super("territory.places.title", "territory.places.add");
        this.places = places;
        this.communes = communes;
        this.editor = editor();
        grid.addColumn(PlaceSummary::name).setHeader(getTranslation("territory.place.name")).setFlexGrow(1);
        grid.addColumn(p -> getTranslation(p.kind().labelKey())).setHeader(getTranslation("territory.place.kind")).setAutoWidth(true);
        grid.addColumn(PlaceSummary::fullAddress).setHeader(getTranslation("territory.place.address")).setFlexGrow(1);
        grid.addColumn(p -> getTranslation(p.stepFreeAccess().labelKey())).setHeader(getTranslation("territory.place.access")).setAutoWidth(true);
        addStatusAndActions(PlaceSummary::active, this::edit, (row, active) -> places.setActive(row.id(), active));
        setItems(places::list);
    }

    @Override
    protected void onAdd() {
        List<CommuneSummary> active = communes.active();
        commune.setItems(active);
        // A structure with a single commune: nothing to choose.
        Long only = active.size() == 1 ? active.getFirst().id() : null;
        editor.edit(getTranslation("territory.places.add"),
                new PlaceForm(only, "", Article.LA, PlaceKind.MEDIATHEQUE, "", StepFreeAccess.UNKNOWN, "", "", ""),
                places::create, this::refresh);
    }

    private void edit(PlaceSummary row) {
        var loaded = places.load(row.id());
        // The place's own commune stays in the list even if it was deactivated since.
        commune.setItems(communes.all().stream()
                .filter(c -> c.active() || c.id() == loaded.value().communeId()).toList());
        editor.edit(getTranslation("territory.places.edit", row.name()), loaded.value(),
                form -> places.update(loaded.id(), loaded.version(), form), this::refresh);
    }

    private EditorDialog<PlaceForm> editor() {
        var binder = new Binder<>(PlaceForm.class);
        var name = new TextField(getTranslation("territory.place.name"));
        name.setId("place-name");
        name.setMaxLength(120);
        var article = Fields.article(name);
        article.setId("place-article");
        var kind = new Select<PlaceKind>();
        kind.setLabel(getTranslation("territory.place.kind"));
        kind.setItems(PlaceKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        commune.setLabel(getTranslation("territory.place.commune"));
        commune.setItemLabelGenerator(c -> Labels.commune(this, c));
        commune.setId("place-commune");
        var address = new TextField(getTranslation("territory.place.address.street"));
        address.setId("place-address");
        address.setMaxLength(200);
        var access = new Select<StepFreeAccess>();
        access.setLabel(getTranslation("territory.place.access"));
        access.setItems(StepFreeAccess.values());
        access.setItemLabelGenerator(a -> getTranslation(a.labelKey()));
        var transport = new TextArea(getTranslation("territory.place.transport"));
        transport.setId("place-transport");
        transport.setMaxLength(300);
        var parking = new TextArea(getTranslation("territory.place.parking"));
        parking.setMaxLength(300);
        var notes = new TextArea(getTranslation("territory.place.notes"));
        notes.setMaxLength(1000);
        notes.setHelperText(getTranslation("territory.place.notes.help"));

        binder.forField(name).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(v -> Texts.required(v, 120))).bind("name");
        binder.forField(article).withValidator(DomainValidators.required("validation.required")).bind("article");
        binder.forField(kind).withValidator(DomainValidators.required("validation.required")).bind("kind");
        binder.forField(commune).asRequired(getTranslation("territory.place.commune.required"))
                .withConverter(c -> c == null ? null : c.id(), this::communeById).bind("communeId");
        binder.forField(address).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(v -> Texts.required(v, 200))).bind("address");
        binder.forField(access).bind("stepFreeAccess");
        binder.forField(transport).withValidator(DomainValidators.of(v -> Texts.optional(v, 300))).bind("transport");
        binder.forField(parking).withValidator(DomainValidators.of(v -> Texts.optional(v, 300))).bind("parking");
        binder.forField(notes).withValidator(DomainValidators.of(v -> Texts.optional(v, 1000))).bind("publicNotes");
        return new EditorDialog<>(binder, name, article, kind, commune, address, access, transport, parking, notes);
    }

    private CommuneSummary communeById(Long id) {
        if (id == null) {
            return null;
        }
        List<CommuneSummary> items = commune.getListDataView().getItems().toList();
        return items.stream().filter(c -> c.id() == id).findFirst().orElse(null);
    }
}
