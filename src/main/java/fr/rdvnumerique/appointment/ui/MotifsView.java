package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.appointment.MotifForm;
import fr.rdvnumerique.appointment.MotifService;
import fr.rdvnumerique.appointment.MotifSummary;
import fr.rdvnumerique.appointment.domain.Motif;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.StaffGridPage;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What residents can book, how long it takes, how far ahead, and where. */
@StyleSheet("styles/appointment.css")
@Route("staff/motifs")
@Menu(title = "appointment.motifs.menu", order = 12, icon = "CLIPBOARD_TEXT")
@RolesAllowed(Role.COORDINATOR_NAME)
class MotifsView extends StaffGridPage<MotifSummary> {

    private final MotifService motifs;
    private final Map<Long, PlaceSummary> places;
    private final EditorDialog<MotifForm> editor;

    MotifsView(MotifService motifs, TerritoryDirectory directory, CurrentStaff staff) {
        super("appointment.motifs.title", "appointment.motifs.add");
        this.motifs = motifs;
        this.places = directory.places(staff.structureId()).stream()
                .collect(Collectors.toMap(PlaceSummary::id, Function.identity()));
        this.editor = editor();
        grid.addColumn(MotifSummary::label).setHeader(getTranslation("appointment.motif.label")).setFlexGrow(1);
        grid.addColumn(m -> getTranslation("appointment.motifs.timing", m.durationMinutes(), m.bufferMinutes()))
                .setHeader(getTranslation("appointment.motif.duration")).setAutoWidth(true);
        grid.addColumn(m -> m.placeIds().stream().map(places::get).filter(Objects::nonNull).map(PlaceSummary::name)
                .sorted().collect(Collectors.joining(", "))).setHeader(getTranslation("appointment.motif.places")).setFlexGrow(1);
        grid.addColumn(m -> m.aidantsConnect() ? getTranslation("appointment.motifs.yes") : "")
                .setHeader(getTranslation("appointment.motif.aidants-connect")).setAutoWidth(true);
        addStatusAndActions(MotifSummary::active, this::edit, (row, active) -> motifs.setActive(row.id(), active));
        setItems(motifs::list);
    }

    @Override
    protected void onAdd() {
        editor.edit(getTranslation("appointment.motifs.add"), MotifForm.blank(), motifs::create, this::refresh);
    }

    private void edit(MotifSummary row) {
        var loaded = motifs.load(row.id());
        editor.edit(getTranslation("appointment.motifs.edit", row.label()), loaded.value(),
                form -> motifs.update(loaded.id(), loaded.version(), form), this::refresh);
    }

    private EditorDialog<MotifForm> editor() {
        var binder = new Binder<>(MotifForm.class);
        var label = new TextField(getTranslation("appointment.motif.label"));
        label.setId("motif-label");
        label.setMaxLength(120);
        label.setHelperText(getTranslation("appointment.motif.label.help"));
        var description = new TextArea(getTranslation("appointment.motif.description"));
        description.setMaxLength(300);
        var duration = minutes("appointment.motif.duration", 5, 240);
        duration.setId("motif-duration");
        var buffer = minutes("appointment.motif.buffer", 0, 120);
        buffer.setHelperText(getTranslation("appointment.motif.buffer.help"));
        var notice = number("appointment.motif.notice", 0, 720);
        var horizon = number("appointment.motif.horizon", 1, 366);
        var cutoff = number("appointment.motif.cutoff", 0, 720);
        cutoff.setHelperText(getTranslation("appointment.motif.cutoff.help"));
        var position = number("appointment.motif.position", 0, 999);
        var aidants = new Checkbox(getTranslation("appointment.motif.aidants-connect.long"));
        var bring = new TextArea(getTranslation("appointment.motif.bring"));
        bring.setId("motif-bring");
        bring.setMaxLength(Motif.MAX_WHAT_TO_BRING);
        bring.setHelperText(getTranslation("appointment.motif.bring.help"));
        var placeChooser = new MultiSelectComboBox<Long>(getTranslation("appointment.motif.places"));
        placeChooser.setId("motif-places");
        placeChooser.setItems(places.keySet());
        placeChooser.setItemLabelGenerator(id -> places.containsKey(id) ? places.get(id).name() : "?");
        var themes = new MultiSelectComboBox<Theme>(getTranslation("appointment.motif.themes"));
        themes.setItems(Theme.values());
        themes.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        themes.setHelperText(getTranslation("appointment.motif.themes.help"));

        String required = getTranslation("validation.required");
        binder.forField(label).asRequired(required).withValidator(DomainValidators.of(v -> Texts.required(v, 120))).bind("label");
        binder.forField(description).withValidator(DomainValidators.optional(v -> Texts.optional(v, 300))).bind("publicDescription");
        binder.forField(duration).asRequired(required)
                .withValidator(v -> v >= 5 && v <= 240 && v % 5 == 0, getTranslation("appointment.motif.duration.invalid"))
                .bind("durationMinutes");
        binder.forField(buffer).asRequired(required)
                .withValidator(v -> v >= 0 && v <= 120 && v % 5 == 0, getTranslation("appointment.motif.buffer.invalid"))
                .bind("bufferMinutes");
        binder.forField(notice).asRequired(required)
                .withValidator(v -> v >= 0 && v <= 720, getTranslation("appointment.motif.notice.invalid")).bind("minNoticeHours");
        binder.forField(horizon).asRequired(required)
                .withValidator(v -> v >= 1 && v <= 366, getTranslation("appointment.motif.horizon.invalid")).bind("horizonDays");
        binder.forField(cutoff).asRequired(required)
                .withValidator(v -> v >= 0 && v <= 720, getTranslation("appointment.motif.cutoff.invalid"))
                .bind("cancellationCutoffHours");
        binder.forField(aidants).bind("aidantsConnect");
        binder.forField(position).bind("position");
        binder.forField(placeChooser).asRequired(getTranslation("appointment.motif.places.required")).bind("placeIds");
        binder.forField(themes).bind("themes");
        binder.forField(bring).withValidator(DomainValidators.optional(v -> Texts.optional(v, Motif.MAX_WHAT_TO_BRING)))
                .bind("whatToBring");
        var dialog = new EditorDialog<>(binder, label, description, duration, buffer, notice, horizon, cutoff, position,
                placeChooser, themes, bring, aidants);
        dialog.saveButton().setId("motif-save");
        return dialog;
    }

    private IntegerField minutes(String key, int min, int max) {
        var field = number(key, min, max);
        field.setStep(5);
        return field;
    }

    private IntegerField number(String key, int min, int max) {
        var field = new IntegerField(getTranslation(key));
        field.setMin(min);
        field.setMax(max);
        field.setStepButtonsVisible(true);
        return field;
    }
}
