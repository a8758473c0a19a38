package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import fr.rdvnumerique.appointment.ActivityRecordForm;
import fr.rdvnumerique.appointment.domain.ActivityRecord;
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
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.Pickers;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The activity record form (CRA), built to be filled in under a minute: what is known is pre-filled (date,
 * duration, place, themes), choices are one tap (duration, autonomy, equipment), and the person's profile, all
 * optional, folds away under « La personne ». The place is asked for help at a place, the commune otherwise.
 */
final class ActivityRecordEditor {

    private ActivityRecordEditor() {
    }

    /** A dialog on an {@link ActivityRecordForm}; {@code extra} fields (the advisor) come first. */
    static EditorDialog<ActivityRecordForm> create(Component host, List<PlaceSummary> places,
                                                   List<CommuneSummary> communes, Component... extra) {
        var binder = new Binder<ActivityRecordDraft>();
        var date = Pickers.datePicker(host.getTranslation("appointment.record.date"));
        date.setId("record-date");
        var duration = new DurationField(host.getTranslation("appointment.record.duration"));
        duration.setId("record-duration");
        var location = select(host, "appointment.record.location", ActivityLocation.values());
        location.setId("record-location");
        Map<Long, String> placeNames = places.stream().collect(Collectors.toMap(PlaceSummary::id, PlaceSummary::name));
        Map<Long, String> communeNames = communes.stream().collect(Collectors.toMap(CommuneSummary::id, CommuneSummary::name));
        var place = ids(host, "appointment.record.place", places.stream().map(PlaceSummary::id).toList(), placeNames::get);
        place.setId("record-place");
        var commune = ids(host, "appointment.record.commune", communes.stream().map(CommuneSummary::id).toList(),
                communeNames::get);
        commune.setId("record-commune");
        commune.setHelperText(host.getTranslation("appointment.record.commune.help"));
        location.addValueChangeListener(e -> {
            boolean atPlace = e.getValue() == null || e.getValue() == ActivityLocation.LIEU_ACTIVITE;
            place.setVisible(atPlace);
            commune.setVisible(!atPlace);
            // Only one "where" is kept: the one that fits the location.
            if (atPlace) {
                commune.clear();
            } else {
                place.clear();
            }
        });
        var themes = new MultiSelectComboBox<Theme>(host.getTranslation("appointment.record.themes"));
        themes.setId("record-themes");
        themes.setItems(Theme.values());
        themes.setItemLabelGenerator(t -> host.getTranslation(t.labelKey()));
        var adminThemes = new MultiSelectComboBox<AdministrativeTheme>(host.getTranslation("appointment.record.admin-themes"));
        adminThemes.setId("record-admin-themes");
        adminThemes.setItems(AdministrativeTheme.values());
        adminThemes.setItemLabelGenerator(t -> host.getTranslation(t.labelKey()));
        var autonomy = new RadioButtonGroup<AutonomyLevel>(host.getTranslation("appointment.record.autonomy"));
        autonomy.setId("record-autonomy");
        autonomy.setItems(AutonomyLevel.values());
        autonomy.setItemLabelGenerator(a -> host.getTranslation(a.labelKey()));
        autonomy.setRequiredIndicatorVisible(true);
        var equipment = new CheckboxGroup<EquipmentUsed>(host.getTranslation("appointment.record.equipment"));
        equipment.setId("record-equipment");
        equipment.setItems(EquipmentUsed.values());
        equipment.setItemLabelGenerator(e -> host.getTranslation(e.labelKey()));
        var referred = new Checkbox(host.getTranslation("appointment.record.referred"));
        referred.setId("record-referred");
        var referralKind = select(host, "appointment.record.referral-kind", ReferralKind.values());
        referralKind.setId("record-referral-kind");
        referralKind.setEmptySelectionAllowed(true);
        referralKind.setEnabled(false);
        referred.addValueChangeListener(e -> referralKind.setEnabled(e.getValue()));
        var ageBand = select(host, "appointment.record.age-band", AgeBand.values());
        ageBand.setId("record-age-band");
        var gender = select(host, "appointment.record.gender", Gender.values());
        gender.setId("record-gender");
        var occupation = select(host, "appointment.record.occupation", OccupationStatus.values());
        occupation.setId("record-occupation");
        var residence = ids(host, "appointment.record.residence", communes.stream().map(CommuneSummary::id).toList(),
                communeNames::get);
        residence.setId("record-residence");
        residence.setEmptySelectionAllowed(true);
        residence.setEmptySelectionCaption(host.getTranslation("appointment.record.residence.unknown"));
        var notes = new TextArea(host.getTranslation("appointment.record.notes"));
        notes.setId("record-notes");
        notes.setMaxLength(ActivityRecord.MAX_NOTES);
        notes.setHelperText(host.getTranslation("appointment.record.notes.help"));

        String required = host.getTranslation("validation.required");
        binder.forField(date).asRequired(required).bind(ActivityRecordDraft::getDate, ActivityRecordDraft::setDate);
        binder.forField(duration)
                .withValidator(m -> m != null && m >= 1 && m <= ActivityRecord.MAX_DURATION,
                        host.getTranslation("appointment.record.duration.invalid"))
                .bind(ActivityRecordDraft::getDurationMinutes, ActivityRecordDraft::setDurationMinutes);
        // A validator, not asRequired, for the duration too (a custom field): see DomainValidators.required.
        binder.forField(location).withValidator(DomainValidators.required("validation.required")).bind(ActivityRecordDraft::getLocation, ActivityRecordDraft::setLocation);
        binder.forField(place)
                .withValidator(p -> p != null || location.getValue() != ActivityLocation.LIEU_ACTIVITE,
                        host.getTranslation("appointment.record.place.required"))
                .bind(ActivityRecordDraft::getPlaceId, ActivityRecordDraft::setPlaceId);
        binder.forField(commune)
                .withValidator(c -> c != null || location.getValue() == null
                        || location.getValue() == ActivityLocation.LIEU_ACTIVITE,
                        host.getTranslation("appointment.record.commune.required"))
                .bind(ActivityRecordDraft::getCommuneId, ActivityRecordDraft::setCommuneId);
        binder.forField(themes).asRequired(host.getTranslation("appointment.record.themes.required"))
                .bind(ActivityRecordDraft::getThemes, ActivityRecordDraft::setThemes);
        binder.forField(adminThemes).bind(ActivityRecordDraft::getAdministrativeThemes, ActivityRecordDraft::setAdministrativeThemes);
        binder.forField(autonomy).asRequired(host.getTranslation("appointment.record.autonomy.required"))
                .bind(ActivityRecordDraft::getAutonomy, ActivityRecordDraft::setAutonomy);
        binder.forField(equipment).withValidator(DomainValidators.required("appointment.record.equipment.required"))
                .bind(ActivityRecordDraft::getEquipment, ActivityRecordDraft::setEquipment);
        binder.forField(referred).bind(ActivityRecordDraft::isReferred, ActivityRecordDraft::setReferred);
        binder.forField(referralKind)
                .withValidator(k -> k != null || !referred.getValue(), host.getTranslation("appointment.record.referral.required"))
                .bind(ActivityRecordDraft::getReferralKind, ActivityRecordDraft::setReferralKind);
        binder.forField(ageBand).bind(ActivityRecordDraft::getAgeBand, ActivityRecordDraft::setAgeBand);
        binder.forField(gender).bind(ActivityRecordDraft::getGender, ActivityRecordDraft::setGender);
        binder.forField(occupation).bind(ActivityRecordDraft::getOccupation, ActivityRecordDraft::setOccupation);
        binder.forField(residence).bind(ActivityRecordDraft::getResidenceCommuneId, ActivityRecordDraft::setResidenceCommuneId);
        binder.forField(notes).bind(ActivityRecordDraft::getNotes, ActivityRecordDraft::setNotes);

        var personFields = new FormLayout(ageBand, gender, occupation, residence);
        personFields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        var person = new Details(host.getTranslation("appointment.record.person"), personFields);
        person.setId("record-person");
        person.getElement().setAttribute("colspan", "2");
        duration.getElement().setAttribute("colspan", "2");
        themes.getElement().setAttribute("colspan", "2");
        notes.getElement().setAttribute("colspan", "2");

        List<Component> fields = new ArrayList<>(List.of(extra));
        // Where first (place or commune beside it), then the date; one-tap choices next to each other.
        fields.addAll(List.of(location, place, commune, date, duration, themes, autonomy, equipment, adminThemes,
                referred, referralKind, person, notes));
        var dialog = EditorDialog.onDraft(binder, ActivityRecordDraft::of, ActivityRecordDraft::toForm,
                fields.toArray(Component[]::new));
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

    private static Select<Long> ids(Component host, String labelKey, List<Long> ids, Function<Long, String> names) {
        var select = new Select<Long>();
        select.setLabel(host.getTranslation(labelKey));
        select.setItems(ids);
        select.setItemLabelGenerator(id -> id == null ? "" : names.apply(id));
        return select;
    }
}
