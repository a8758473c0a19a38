package fr.rdvnumerique.atelier.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.atelier.CollectiveRecordDraft;
import fr.rdvnumerique.atelier.CollectiveRecordForm;
import fr.rdvnumerique.atelier.CollectiveRecordService;
import fr.rdvnumerique.atelier.WalkIns;
import fr.rdvnumerique.atelier.domain.CollectiveRecord;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.i18n.Labelled;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.territory.PlaceSummary;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/**
 * The collective record of a session, as the national tool asks for it: what the atelier was, and the people who
 * came without registering, counted anonymously. One service call on save; a refusal is said next to its field.
 */
class CollectiveRecordDialog {

    private final Component host;
    private final CollectiveRecordService service;
    private final long sessionId;
    private final Runnable saved;
    private final Dialog dialog = new Dialog();
    private final Paragraph error = new Paragraph();
    private final TextField title;
    private final Select<AtelierLevel> level = new Select<>();
    private final MultiSelectComboBox<Theme> themes;
    private final CheckboxGroup<EquipmentUsed> equipment;
    private final IntegerField duration;
    private final Select<Long> place = new Select<>();
    private final IntegerField total;
    private final IntegerField alreadyHelped;
    private final Map<Gender, IntegerField> genders = new EnumMap<>(Gender.class);
    private final Map<AgeBand, IntegerField> ages = new EnumMap<>(AgeBand.class);
    private final Map<OccupationStatus, IntegerField> statuses = new EnumMap<>(OccupationStatus.class);
    private final Map<String, Paragraph> groupErrors = new java.util.HashMap<>();
    private final TextArea notes;

    CollectiveRecordDialog(Component host, CollectiveRecordService service, long sessionId, List<PlaceSummary> places,
                           Runnable saved) {
        this.host = host;
        this.service = service;
        this.sessionId = sessionId;
        this.saved = saved;
        title = new TextField(t("atelier.record.title"));
        title.setId("record-title");
        title.setMaxLength(CollectiveRecord.MAX_TITLE);
        level.setLabel(t("atelier.workshop.level"));
        level.setId("record-level");
        level.setItems(AtelierLevel.values());
        level.setItemLabelGenerator(l -> l == null ? "" : t(l.labelKey()));
        themes = new MultiSelectComboBox<>(t("atelier.workshop.themes"));
        themes.setId("record-themes");
        themes.setItems(Theme.values());
        themes.setItemLabelGenerator(th -> t(th.labelKey()));
        equipment = new CheckboxGroup<>(t("atelier.record.equipment"));
        equipment.setId("record-equipment");
        equipment.setItems(EquipmentUsed.values());
        equipment.setItemLabelGenerator(e -> t(e.labelKey()));
        duration = new IntegerField(t("atelier.workshop.duration"));
        duration.setId("record-duration");
        duration.setMin(1);
        duration.setMax(CollectiveRecord.MAX_DURATION);
        Map<Long, PlaceSummary> byId = places.stream().collect(Collectors.toMap(PlaceSummary::id, Function.identity()));
        place.setLabel(t("atelier.record.place"));
        place.setId("record-place");
        place.setItems(places.stream().map(PlaceSummary::id).toList());
        place.setItemLabelGenerator(id -> id == null || !byId.containsKey(id) ? "" : byId.get(id).name());
        total = count("atelier.record.walk-ins.total", WalkIns.TOTAL);
        alreadyHelped = count("atelier.record.walk-ins.already-helped", WalkIns.ALREADY_HELPED);
        notes = new TextArea(t("atelier.record.notes"));
        notes.setId("record-notes");
        notes.setMaxLength(CollectiveRecord.MAX_NOTES);

        error.addClassName("form-error");
        error.setId("record-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        dialog.setHeaderTitle(t("atelier.record.dialog"));
        dialog.setWidth("min(56rem, 100%)");
    }

    void open() {
        CollectiveRecordDraft draft = service.draft(sessionId);
        CollectiveRecordForm f = draft.form();
        title.setValue(f.title() == null ? "" : f.title());
        level.setValue(f.level());
        themes.setValue(f.themes());
        equipment.setValue(f.equipment());
        duration.setValue(f.durationMinutes());
        place.setValue(f.placeId());
        WalkIns w = f.walkIns();
        total.setValue(w.total());
        alreadyHelped.setValue(w.alreadyHelped());
        notes.setValue(f.notes() == null ? "" : f.notes());

        var what = new Div(title, level, themes, equipment, duration, place);
        what.addClassName("atelier-record-fields");
        var registered = new Paragraph(t("atelier.record.registered", draft.registeredPresent(), draft.registeredSeats(),
                draft.registeredSeats() - draft.registeredMarked()));
        registered.setId("record-registered");
        var walkInsIntro = new Paragraph(t("atelier.record.walk-ins.help"));
        var counts = new Div(total, alreadyHelped);
        counts.addClassName("atelier-record-fields");
        dialog.add(error, what, new H3(t("atelier.record.registered.title")), registered,
                new H3(t("atelier.record.walk-ins")), walkInsIntro, counts,
                group(WalkIns.GENDER, "atelier.record.walk-ins.by-gender", Gender.values(), genders, w::count),
                group(WalkIns.AGE, "atelier.record.walk-ins.by-age", AgeBand.values(), ages, w::count),
                group(WalkIns.STATUS, "atelier.record.walk-ins.by-status", OccupationStatus.values(), statuses, w::count),
                notes);
        var save = new Button(t("action.save"), e -> save());
        save.setId("record-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(t("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private <E extends Enum<E> & Labelled> Div group(String field, String titleKey, E[] values, Map<E, IntegerField> fields,
                                                      Function<E, Integer> current) {
        var heading = new H3(t(titleKey));
        heading.addClassName("atelier-record-group-title");
        var groupError = new Paragraph();
        groupError.addClassName("form-error");
        groupError.setId(field + "-error");
        groupError.getElement().setAttribute("role", "alert");
        groupError.setVisible(false);
        groupErrors.put(field, groupError);
        var inputs = new Div();
        inputs.addClassName("atelier-record-counts");
        for (E value : values) {
            var input = new IntegerField(t(value.labelKey()));
            input.setId(field + "-" + value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            input.setMin(0);
            input.setValue(current.apply(value));
            fields.put(value, input);
            inputs.add(input);
        }
        var group = new Div(heading, groupError, inputs);
        group.addClassName("atelier-record-group");
        return group;
    }

    private IntegerField count(String labelKey, String id) {
        var field = new IntegerField(t(labelKey));
        field.setId(id);
        field.setMin(0);
        field.setMax(CollectiveRecord.MAX_WALK_INS);
        return field;
    }

    private void save() {
        clearErrors();
        var walkIns = new WalkIns(value(total), value(alreadyHelped), values(genders), values(ages), values(statuses));
        var form = new CollectiveRecordForm(title.getValue(), level.getValue(), themes.getValue().isEmpty()
                ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes.getValue()), equipment.getValue().isEmpty()
                ? EnumSet.noneOf(EquipmentUsed.class) : EnumSet.copyOf(equipment.getValue()), duration.getValue(),
                place.getValue(), walkIns, notes.getValue());
        try {
            service.save(sessionId, form);
            dialog.close();
            UiMessages.success(host, "atelier.record.saved");
            saved.run();
        } catch (InvalidValueException e) {
            show(e);
        } catch (BusinessRuleException | AccessDeniedException e) {
            error.setText(UiMessages.describe(host, e));
            error.setVisible(true);
        }
    }

    private void show(InvalidValueException e) {
        String message = UiMessages.describe(host, e);
        String field = e.field() == null ? "" : e.field();
        Paragraph groupError = groupErrors.get(field);
        if (groupError != null) {
            groupError.setText(message);
            groupError.setVisible(true);
            return;
        }
        switch (field) {
            case "record-title" -> invalid(title, message);
            case "record-duration" -> invalid(duration, message);
            case WalkIns.TOTAL -> invalid(total, message);
            case WalkIns.ALREADY_HELPED -> invalid(alreadyHelped, message);
            case "record-themes" -> {
                themes.setErrorMessage(message);
                themes.setInvalid(true);
            }
            case "record-equipment" -> {
                equipment.setErrorMessage(message);
                equipment.setInvalid(true);
            }
            default -> {
                error.setText(message);
                error.setVisible(true);
            }
        }
    }

    private static void invalid(com.vaadin.flow.component.textfield.TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static void invalid(IntegerField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void clearErrors() {
        error.setVisible(false);
        groupErrors.values().forEach(p -> p.setVisible(false));
        title.setInvalid(false);
        duration.setInvalid(false);
        total.setInvalid(false);
        alreadyHelped.setInvalid(false);
        themes.setInvalid(false);
        equipment.setInvalid(false);
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    private static <E extends Enum<E>> Map<E, Integer> values(Map<E, IntegerField> fields) {
        Map<E, Integer> counts = new java.util.HashMap<>();
        fields.forEach((key, field) -> counts.put(key, value(field)));
        return counts;
    }

    private String t(String key, Object... args) {
        return host.getTranslation(key, args);
    }
}
