package fr.rdvnumerique.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.notification.internal.ReminderActivity;
import fr.rdvnumerique.notification.internal.ReminderOffsets;
import fr.rdvnumerique.notification.internal.ReminderSettingsService;
import fr.rdvnumerique.notification.internal.ReminderSettingsService.ActivitySetting;
import fr.rdvnumerique.notification.internal.ReminderSettingsService.Owner;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.List;

/**
 * How long before an appointment or an atelier reminders go out, for the coordinator's structure, and the
 * reminders of its own a motif or a workshop may have (chosen by name). Saving plans the reminders of the bookings
 * and registrations to come again.
 */
@Route("staff/rappels")
@Menu(title = "notification.reminders.menu", order = 71, icon = "CLOCK")
@RolesAllowed(Role.COORDINATOR_NAME)
@StyleSheet("styles/notification.css")
class ReminderSettingsView extends Div implements HasDynamicTitle {

    private final ReminderSettingsService settings;
    private final Div activities = new Div();
    final Grid<ReminderSettingsService.Override> overrides = new Grid<>();
    final Select<ReminderActivity> overrideActivity = new Select<>();
    final ComboBox<Owner> overrideOwner = new ComboBox<>();
    final TextField overrideOffsets = new TextField();

    ReminderSettingsView(ReminderSettingsService settings) {
        this.settings = settings;
        addClassNames("staff-page", "reminder-settings");
        activities.addClassName("notification-panels");

        overrides.addThemeVariants(GridVariant.ROW_STRIPES);
        overrides.setAllRowsVisible(true);
        overrides.setId("reminder-overrides");
        overrides.addColumn(o -> getTranslation(o.owner().activity().labelKey()))
                .setHeader(getTranslation("notification.reminders.activity")).setAutoWidth(true).setFlexGrow(0);
        overrides.addColumn(o -> o.owner().name()).setHeader(getTranslation("notification.reminders.owner"));
        overrides.addColumn(o -> hours(o.offsets())).setHeader(getTranslation("notification.reminders.offsets"));
        overrides.addComponentColumn(o -> {
            var remove = new Button(getTranslation("notification.reminders.override.remove"), e -> {
                try {
                    settings.removeOverride(o.owner().activity(), o.owner().id());
                    UiMessages.success(this, "notification.reminders.override.removed", o.owner().name());
                    refresh();
                } catch (RuntimeException ex) {
                    UiMessages.error(this, ex);
                }
            });
            remove.setId("remove-override-" + o.owner().activity().name().toLowerCase() + "-" + o.owner().id());
            remove.setAriaLabel(getTranslation("notification.reminders.override.remove.for", o.owner().name()));
            remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            return remove;
        }).setHeader(getTranslation("column.actions")).setAutoWidth(true).setFlexGrow(0);

        var overridesPanel = new Div(new H2(getTranslation("notification.reminders.overrides")),
                new Paragraph(getTranslation("notification.reminders.overrides.intro")), overrideForm(), overrides);
        overridesPanel.addClassName("notification-panel");
        add(new H1(getTranslation("notification.reminders.title")),
                new Paragraph(getTranslation("notification.reminders.intro")), activities, overridesPanel);
        refresh();
    }

    /** Choose an activity, then a motif or workshop by its name, then the hours. */
    private Div overrideForm() {
        overrideActivity.setLabel(getTranslation("notification.reminders.activity"));
        overrideActivity.setId("override-activity");
        overrideActivity.setItems(ReminderActivity.values());
        overrideActivity.setItemLabelGenerator(a -> getTranslation(a.labelKey()));
        overrideActivity.addValueChangeListener(e -> {
            overrideOwner.clear();
            overrideOwner.setItems(e.getValue() == null ? List.of() : settings.owners(e.getValue()));
            overrideOwner.setLabel(getTranslation(e.getValue() == ReminderActivity.ATELIER
                    ? "notification.reminders.owner.ATELIER" : "notification.reminders.owner.APPOINTMENT"));
        });
        overrideOwner.setId("override-owner");
        overrideOwner.setItemLabelGenerator(o -> o.active() ? o.name()
                : getTranslation("notification.reminders.owner.inactive", o.name()));
        overrideOwner.addValueChangeListener(e -> {
            overrideOwner.setInvalid(false);
            if (e.getValue() != null) {
                // An owner that has its own reminders already: show them, to change them.
                settings.overrides().stream().filter(o -> o.owner().equals(e.getValue())).findFirst()
                        .ifPresent(o -> overrideOffsets.setValue(ReminderOffsets.formatHours(o.offsets())));
            }
        });
        overrideOffsets.setLabel(getTranslation("notification.reminders.override.offsets"));
        overrideOffsets.setHelperText(getTranslation("notification.reminders.override.help"));
        overrideOffsets.setId("override-offsets");
        overrideActivity.setValue(ReminderActivity.APPOINTMENT);

        var save = new Button(getTranslation("notification.reminders.override.save"), e -> saveOverride());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-override");
        var form = new Div(overrideActivity, overrideOwner, overrideOffsets, save);
        form.addClassName("notification-override-form");
        return form;
    }

    private void saveOverride() {
        Owner owner = overrideOwner.getValue();
        if (owner == null) {
            overrideOwner.setErrorMessage(getTranslation("notification.reminders.owner.required"));
            overrideOwner.setInvalid(true);
            return;
        }
        try {
            var offsets = ReminderOffsets.parseHours(overrideOffsets.getValue());
            overrideOffsets.setInvalid(false);
            settings.saveOverride(owner.activity(), owner.id(), offsets);
            UiMessages.success(this, "notification.reminders.override.saved", owner.name());
            overrideOwner.clear();
            overrideOffsets.clear();
            refresh();
        } catch (RuntimeException ex) {
            overrideOffsets.setErrorMessage(UiMessages.describe(this, ex));
            overrideOffsets.setInvalid(true);
        }
    }

    private void refresh() {
        activities.removeAll();
        settings.structureSettings().forEach(setting -> activities.add(panel(setting)));
        var rows = settings.overrides();
        overrides.setItems(rows);
        overrides.setVisible(!rows.isEmpty());
    }

    private Div panel(ActivitySetting setting) {
        String name = setting.activity().name().toLowerCase();
        var field = new TextField(getTranslation("notification.reminders.offsets.label"));
        field.setId("offsets-" + name);
        field.setValue(ReminderOffsets.formatHours(setting.offsets()));
        field.setHelperText(getTranslation(setting.isDefault() ? "notification.reminders.default"
                : "notification.reminders.custom"));
        var save = new Button(getTranslation("action.save"), e -> {
            try {
                settings.saveStructureSetting(setting.activity(), ReminderOffsets.parseHours(field.getValue()));
                UiMessages.success(this, "notification.reminders.saved");
                refresh();
            } catch (RuntimeException ex) {
                field.setInvalid(true);
                field.setErrorMessage(UiMessages.describe(this, ex));
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-" + name);
        var actions = new Div(save);
        actions.addClassName("notification-actions");
        if (!setting.isDefault()) {
            var reset = new Button(getTranslation("notification.reminders.reset"), e -> {
                try {
                    settings.resetStructureSetting(setting.activity());
                    UiMessages.success(this, "notification.reminders.saved");
                    refresh();
                } catch (RuntimeException ex) {
                    UiMessages.error(this, ex);
                }
            });
            reset.addThemeVariants(ButtonVariant.TERTIARY);
            reset.setId("reset-" + name);
            actions.add(reset);
        }
        var panel = new Div(new H2(getTranslation(setting.activity().labelKey())), field, actions);
        panel.addClassName("notification-panel");
        return panel;
    }

    private String hours(List<Duration> offsets) {
        return offsets.isEmpty() ? getTranslation("notification.reminders.none")
                : getTranslation("notification.reminders.hours", ReminderOffsets.formatHours(offsets));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("notification.reminders.title"));
    }
}
