package fr.rdvnumerique.territory.ui;

import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.StaffGridPage;
import fr.rdvnumerique.territory.CommuneForm;
import fr.rdvnumerique.territory.CommuneService;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.domain.Commune;
import jakarta.annotation.security.RolesAllowed;

/** The communes of the coordinator's structure. */
@Route("staff/communes")
@Menu(title = "territory.communes.menu", order = 50, icon = "MAP_MARKER")
@RolesAllowed(Role.COORDINATOR_NAME)
class CommunesView extends StaffGridPage<CommuneSummary> {

    private final CommuneService communes;
    private final EditorDialog<CommuneForm> editor;

    CommunesView(CommuneService communes) {
        super("territory.communes.title", "territory.communes.add");
        this.communes = communes;
        this.editor = editor();
        grid.addColumn(CommuneSummary::name).setHeader(getTranslation("territory.commune.name")).setFlexGrow(1);
        grid.addColumn(CommuneSummary::inseeCode).setHeader(getTranslation("territory.commune.insee")).setAutoWidth(true);
        grid.addColumn(CommuneSummary::postalCode).setHeader(getTranslation("territory.commune.postal")).setAutoWidth(true);
        addStatusAndActions(CommuneSummary::active, this::edit, (row, active) -> communes.setActive(row.id(), active));
        setItems(communes::list);
    }

    @Override
    protected void onAdd() {
        editor.edit(getTranslation("territory.communes.add"), new CommuneForm("", "", ""),
                communes::create, this::refresh);
    }

    private void edit(CommuneSummary row) {
        var loaded = communes.load(row.id());
        editor.edit(getTranslation("territory.communes.edit", row.name()), loaded.value(),
                form -> communes.update(loaded.id(), loaded.version(), form), this::refresh);
    }

    private EditorDialog<CommuneForm> editor() {
        var binder = new Binder<>(CommuneForm.class);
        var name = new TextField(getTranslation("territory.commune.name"));
        name.setMaxLength(100);
        var insee = new TextField(getTranslation("territory.commune.insee"));
        insee.setHelperText(getTranslation("territory.commune.insee.help"));
        insee.setMaxLength(5);
        var postal = new TextField(getTranslation("territory.commune.postal"));
        postal.setMaxLength(5);
        binder.forField(name).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(v -> Texts.required(v, 100))).bind("name");
        binder.forField(insee).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(Commune::checkInseeCode))
                .bind("inseeCode");
        binder.forField(postal).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(Commune::checkPostalCode))
                .bind("postalCode");
        return new EditorDialog<>(binder, name, insee, postal);
    }
}
