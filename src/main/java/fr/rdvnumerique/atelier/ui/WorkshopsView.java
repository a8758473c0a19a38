package fr.rdvnumerique.atelier.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.atelier.WorkshopForm;
import fr.rdvnumerique.atelier.WorkshopService;
import fr.rdvnumerique.atelier.WorkshopSummary;
import fr.rdvnumerique.atelier.domain.Workshop;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.StaffGridPage;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import java.util.stream.Collectors;

/** The structure's catalogue of ateliers: what each teaches, to whom, for how long. */
@StyleSheet("styles/atelier.css")
@Route("staff/ateliers/catalogue")
@Menu(title = "atelier.workshops.menu", order = 31, icon = "BOOK")
@RolesAllowed(Role.ADVISOR_NAME)
class WorkshopsView extends StaffGridPage<WorkshopSummary> {

    private final WorkshopService workshops;
    private final EditorDialog<WorkshopForm> editor;

    WorkshopsView(WorkshopService workshops) {
        super("atelier.workshops.title", "atelier.workshops.add");
        this.workshops = workshops;
        this.editor = editor();
        grid.addColumn(WorkshopSummary::title).setHeader(getTranslation("atelier.workshop.title")).setFlexGrow(1);
        grid.addColumn(w -> getTranslation(w.level().labelKey())).setHeader(getTranslation("atelier.workshop.level"))
                .setAutoWidth(true);
        grid.addColumn(w -> w.themes().stream().sorted().map(t -> getTranslation(t.labelKey()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("atelier.workshop.themes")).setFlexGrow(1);
        grid.addColumn(w -> getTranslation("atelier.workshop.minutes", w.durationMinutes()))
                .setHeader(getTranslation("atelier.workshop.duration")).setAutoWidth(true);
        grid.addColumn(WorkshopSummary::defaultCapacity).setHeader(getTranslation("atelier.workshop.default-capacity"))
                .setAutoWidth(true);
        addStatusAndActions(WorkshopSummary::active, this::edit, (row, active) -> workshops.setActive(row.id(), active));
        setItems(workshops::list);
    }

    @Override
    protected void onAdd() {
        editor.edit(getTranslation("atelier.workshops.add"),
                new WorkshopForm("", "", Set.of(), AtelierLevel.DEBUTANT, 120, 8, "", ""), workshops::create, this::refresh);
    }

    private void edit(WorkshopSummary row) {
        var loaded = workshops.load(row.id());
        editor.edit(getTranslation("atelier.workshops.edit", row.title()), loaded.value(),
                form -> workshops.update(loaded.id(), loaded.version(), form), this::refresh);
    }

    private EditorDialog<WorkshopForm> editor() {
        var binder = new Binder<>(WorkshopForm.class);
        var title = new TextField(getTranslation("atelier.workshop.title"));
        title.setId("workshop-title");
        title.setMaxLength(Workshop.TITLE_MAX);
        var description = new TextArea(getTranslation("atelier.workshop.description"));
        description.setId("workshop-description");
        description.setHelperText(getTranslation("atelier.workshop.description.help"));
        description.setMaxLength(Workshop.DESCRIPTION_MAX);
        var themes = new MultiSelectComboBox<Theme>(getTranslation("atelier.workshop.themes"));
        themes.setId("workshop-themes");
        themes.setItems(Theme.values());
        themes.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        var level = new Select<AtelierLevel>();
        level.setLabel(getTranslation("atelier.workshop.level"));
        level.setItems(AtelierLevel.values());
        level.setItemLabelGenerator(l -> getTranslation(l.labelKey()));
        var duration = new IntegerField(getTranslation("atelier.workshop.duration"));
        duration.setId("workshop-duration");
        duration.setStepButtonsVisible(true);
        var capacity = new IntegerField(getTranslation("atelier.workshop.default-capacity"));
        capacity.setId("workshop-capacity");
        capacity.setStepButtonsVisible(true);
        var bring = new TextArea(getTranslation("atelier.workshop.bring"));
        bring.setMaxLength(Workshop.NOTES_MAX);
        var equipment = new TextArea(getTranslation("atelier.workshop.equipment"));
        equipment.setMaxLength(Workshop.NOTES_MAX);

        binder.forField(title).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(v -> Texts.required(v, Workshop.TITLE_MAX))).bind("title");
        binder.forField(description).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(v -> Texts.required(v, Workshop.DESCRIPTION_MAX))).bind("description");
        binder.forField(themes).asRequired(getTranslation("atelier.workshop.themes.required")).bind("themes");
        binder.forField(level).withValidator(DomainValidators.required("atelier.workshop.level.required")).bind("level");
        binder.forField(duration).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(Workshop::checkDuration)).bind("durationMinutes");
        binder.forField(capacity).asRequired(getTranslation("validation.required"))
                .withValidator(DomainValidators.of(Workshop::checkCapacity)).bind("defaultCapacity");
        binder.forField(bring).withValidator(DomainValidators.of(v -> Texts.optional(v, Workshop.NOTES_MAX))).bind("whatToBring");
        binder.forField(equipment).withValidator(DomainValidators.of(v -> Texts.optional(v, Workshop.NOTES_MAX)))
                .bind("equipmentProvided");
        return new EditorDialog<>(binder, title, level, description, themes, duration, capacity, bring, equipment);
    }
}
