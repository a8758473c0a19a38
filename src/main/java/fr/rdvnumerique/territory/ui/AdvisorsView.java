package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.Fields;
import fr.rdvnumerique.base.ui.StaffGridPage;
import fr.rdvnumerique.territory.AdvisorForm;
import fr.rdvnumerique.territory.AdvisorKind;
import fr.rdvnumerique.territory.AdvisorService;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.PlaceService;
import fr.rdvnumerique.territory.PlaceSummary;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The structure's conseillers and médiateurs numériques, and where each works. */
@Route("staff/conseillers")
@Menu(title = "territory.advisors.menu", order = 52, icon = "USERS")
@RolesAllowed(Role.COORDINATOR_NAME)
class AdvisorsView extends StaffGridPage<AdvisorSummary> {

    private final AdvisorService advisors;
    private final PlaceService places;
    private final MultiSelectComboBox<PlaceSummary> placeChooser = new MultiSelectComboBox<>();
    private Map<Long, PlaceSummary> placesById = Map.of();
    private final EditorDialog<AdvisorForm> editor;

    AdvisorsView(AdvisorService advisors, PlaceService places) {
        super("territory.advisors.title", "territory.advisors.add");
        this.advisors = advisors;
        this.places = places;
        this.editor = editor();
        loadPlaces(Set.of());
        grid.addColumn(AdvisorSummary::displayName).setHeader(getTranslation("territory.advisor.name")).setFlexGrow(1);
        grid.addColumn(a -> getTranslation(a.kind().labelKey())).setHeader(getTranslation("territory.advisor.kind")).setAutoWidth(true);
        grid.addColumn(AdvisorSummary::email).setHeader(getTranslation("territory.advisor.email")).setAutoWidth(true);
        grid.addColumn(a -> a.placeIds().stream().map(placesById::get).filter(p -> p != null)
                .map(p -> Labels.place(this, p)).sorted().collect(Collectors.joining(", ")))
                .setHeader(getTranslation("territory.advisor.places")).setFlexGrow(1);
        addStatusAndActions(AdvisorSummary::active, this::edit, (row, active) -> advisors.setActive(row.id(), active));
        setItems(advisors::list);
    }

    /**
     * Active places to choose from, plus the deactivated ones the advisor already has: shown as such, and kept
     * on save unless the coordinator removes them.
     */
    private void loadPlaces(Set<Long> current) {
        var all = places.all();
        placesById = all.stream().collect(Collectors.toMap(PlaceSummary::id, Function.identity()));
        placeChooser.setItems(all.stream().filter(p -> p.active() || current.contains(p.id())).toList());
    }

    @Override
    protected void onAdd() {
        loadPlaces(Set.of());
        editor.edit(getTranslation("territory.advisors.add"),
                new AdvisorForm("", "", AdvisorKind.CONSEILLER_NUMERIQUE, Set.of()), advisors::create, this::refresh);
    }

    private void edit(AdvisorSummary row) {
        var loaded = advisors.load(row.id());
        loadPlaces(loaded.value().placeIds());
        editor.edit(getTranslation("territory.advisors.edit", row.displayName()), loaded.value(),
                form -> advisors.update(loaded.id(), loaded.version(), form), this::refresh);
    }

    private EditorDialog<AdvisorForm> editor() {
        var binder = new Binder<>(AdvisorForm.class);
        var name = new TextField(getTranslation("territory.advisor.name"));
        name.setMaxLength(120);
        var email = Fields.email(getTranslation("territory.advisor.email"));
        email.setHelperText(getTranslation("territory.advisor.email.help"));
        var kind = new Select<AdvisorKind>();
        kind.setLabel(getTranslation("territory.advisor.kind"));
        kind.setItems(AdvisorKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.labelKey()));
        placeChooser.setLabel(getTranslation("territory.advisor.places"));
        placeChooser.setItemLabelGenerator(p -> Labels.place(this, p));
        placeChooser.setId("advisor-places");

        binder.forField(name).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(v -> Texts.required(v, 120))).bind("displayName");
        binder.forField(email).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(EmailAddress::of)).bind("email");
        binder.forField(kind).withValidator(DomainValidators.required("validation.required")).bind("kind");
        binder.forField(placeChooser)
                .withConverter(chosen -> chosen.stream().map(PlaceSummary::id).collect(Collectors.toSet()),
                        ids -> ids.stream().map(placesById::get).filter(p -> p != null).collect(Collectors.toSet()))
                .bind("placeIds");
        return new EditorDialog<>(binder, name, email, kind, placeChooser);
    }
}
