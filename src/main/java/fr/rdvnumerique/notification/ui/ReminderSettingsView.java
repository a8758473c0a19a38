package fr.rdvnumerique.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.notification.ReminderOffsets;
import fr.rdvnumerique.notification.ReminderSettingsService;
import fr.rdvnumerique.notification.ReminderSettingsService.ActivitySetting;
import jakarta.annotation.security.RolesAllowed;

/**
 * How long before an appointment or an atelier reminders go out, for the coordinator's structure. Overrides
 * for one motif or workshop are set from those modules' screens; here they are listed and can be removed.
 */
@Route("staff/rappels")
@Menu(title = "notification.reminders.menu", order = 71, icon = "CLOCK")
@RolesAllowed(Role.COORDINATOR_NAME)
@StyleSheet("styles/notification.css")
class ReminderSettingsView extends Div implements HasDynamicTitle {

    private final ReminderSettingsService settings;
    private final Div activities = new Div();
    final Grid<ReminderSettingsService.Override> overrides = new Grid<>();

    ReminderSettingsView(ReminderSettingsService settings) {
        this.settings = settings;
        addClassNames("staff-page", "reminder-settings");
        activities.addClassName("notification-panels");

        overrides.addThemeVariants(GridVariant.ROW_STRIPES);
        overrides.setAllRowsVisible(true);
        overrides.addColumn(o -> getTranslation(o.activity().labelKey())).setHeader(getTranslation("notification.reminders.activity"));
        overrides.addColumn(o -> getTranslation("notification.reminders.owner." + o.activity().name(), String.valueOf(o.ownerId())))
                .setHeader(getTranslation("notification.reminders.owner"));
        overrides.addColumn(o -> hours(o.offsets())).setHeader(getTranslation("notification.reminders.offsets"));
        overrides.addComponentColumn(o -> {
            var remove = new Button(getTranslation("notification.reminders.override.remove"), e -> {
                settings.removeOverride(o.activity(), o.ownerId());
                refresh();
            });
            remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            return remove;
        }).setHeader(getTranslation("column.actions")).setAutoWidth(true).setFlexGrow(0);

        var overridesPanel = new Div(new H2(getTranslation("notification.reminders.overrides")),
                new Paragraph(getTranslation("notification.reminders.overrides.intro")), overrides);
        overridesPanel.addClassName("notification-panel");
        add(new H1(getTranslation("notification.reminders.title")),
                new Paragraph(getTranslation("notification.reminders.intro")), activities, overridesPanel);
        refresh();
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
                settings.resetStructureSetting(setting.activity());
                refresh();
            });
            reset.addThemeVariants(ButtonVariant.TERTIARY);
            actions.add(reset);
        }
        var panel = new Div(new H2(getTranslation(setting.activity().labelKey())), field, actions);
        panel.addClassName("notification-panel");
        return panel;
    }

    private String hours(java.util.List<java.time.Duration> offsets) {
        return offsets.isEmpty() ? getTranslation("notification.reminders.none")
                : getTranslation("notification.reminders.hours", ReminderOffsets.formatHours(offsets));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notification.reminders.title") + " – RDV Numérique";
    }
}
