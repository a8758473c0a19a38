package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import fr.rdvnumerique.appointment.ActivityRecordForm;
import fr.rdvnumerique.base.i18n.Labelled;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AdministrativeTheme;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.ReferralKind;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.Pickers;
import java.util.ArrayList;
import java.util.List;

/**
 * The activity record form (CRA), built to be filled in under a minute: what is known is pre-filled, choices are
 * one tap (autonomy, equipment), the person's profile defaults to "non communiqué".
 */
final class ActivityRecordEditor {

    private ActivityRecordEditor() {
    }

    /** A dialog on an {@link ActivityRecordForm}; {@code extra} fields (advisor, place) come first. */
    static EditorDialog<ActivityRecordForm> create(Component host, Component... extra) {
        var binder = new Binder<>(ActivityRecordForm.class);
        var date = Pickers.datePicker(host.getTranslation("appointment.record.date"));
        date.setId("record-date");
        var duration = new IntegerField(host.getTranslation("appointment.record.duration"));
        duration.setId("record-duration");
        duration.setMin(1);
        duration.setMax(600);
        duration.setHelperText(host.getTranslation("appointment.record.duration.help"));
        var location = select(host, "appointment.record.location", ActivityLocation.values());
        var themes = new MultiSelectComboBox<Theme>(host.getTranslation("appointment.record.themes"));
        themes.setId("record-themes");
        themes.setItems(Theme.values());
        themes.setItemLabelGenerator(t -> host.getTranslation(t.labelKey()));
        var adminThemes = new MultiSelectComboBox<AdministrativeTheme>(host.getTranslation("appointment.record.admin-themes"));
        adminThemes.setItems(AdministrativeTheme.values());
        adminThemes.setItemLabelGenerator(t -> host.getTranslation(t.labelKey()));
        var autonomy = new RadioButtonGroup<AutonomyLevel>(host.getTranslation("appointment.record.autonomy"));
        autonomy.setId("record-autonomy");
        autonomy.setItems(AutonomyLevel.values());
        autonomy.setItemLabelGenerator(a -> host.getTranslation(a.labelKey()));
        var equipment = new CheckboxGroup<EquipmentUsed>(host.getTranslation("appointment.record.equipment"));
        equipment.setId("record-equipment");
        equipment.setItems(EquipmentUsed.values());
        equipment.setItemLabelGenerator(e -> host.getTranslation(e.labelKey()));
        var referred = new Checkbox(host.getTranslation("appointment.record.referred"));
        referred.setId("record-referred");
        var referralKind = select(host, "appointment.record.referral-kind", ReferralKind.values());
        referralKind.setEmptySelectionAllowed(true);
        referralKind.setEnabled(false);
        referred.addValueChangeListener(e -> referralKind.setEnabled(e.getValue()));
        var ageBand = select(host, "appointment.record.age-band", AgeBand.values());
        var gender = select(host, "appointment.record.gender", Gender.values());
        var occupation = select(host, "appointment.record.occupation", OccupationStatus.values());
        var notes = new TextArea(host.getTranslation("appointment.record.notes"));
        notes.setMaxLength(500);
        notes.setHelperText(host.getTranslation("appointment.record.notes.help"));

        String required = host.getTranslation("validation.required");
        binder.forField(date).asRequired(required).bind("date");
        binder.forField(duration).asRequired(required).bind("durationMinutes");
        binder.forField(location).asRequired(required).bind("location");
        binder.forField(themes).asRequired(host.getTranslation("appointment.record.themes.required")).bind("themes");
        binder.forField(adminThemes).bind("administrativeThemes");
        binder.forField(autonomy).bind("autonomy");
        binder.forField(equipment).asRequired(host.getTranslation("appointment.record.equipment.required")).bind("equipment");
        binder.forField(referred).bind("referred");
        binder.forField(referralKind).bind("referralKind");
        binder.forField(ageBand).bind("ageBand");
        binder.forField(gender).bind("gender");
        binder.forField(occupation).bind("occupation");
        binder.forField(notes).bind("notes");

        List<Component> fields = new ArrayList<>(List.of(extra));
        fields.addAll(List.of(date, duration, location, themes, adminThemes, autonomy, equipment, referred, referralKind,
                ageBand, gender, occupation, notes));
        var dialog = new EditorDialog<>(binder, fields.toArray(Component[]::new));
        dialog.setWidth("min(56rem, 100%)");
        dialog.saveButton().setId("record-save");
        return dialog;
    }

    static <E extends Enum<E> & Labelled> Select<E> select(Component host, String labelKey, E[] values) {
        var select = new Select<E>();
        select.setLabel(host.getTranslation(labelKey));
        select.setItems(values);
        select.setItemLabelGenerator(v -> v == null ? "" : host.getTranslation(v.labelKey()));
        return select;
    }
}
