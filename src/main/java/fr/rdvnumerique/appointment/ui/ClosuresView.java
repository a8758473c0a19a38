package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.appointment.ClosureForm;
import fr.rdvnumerique.appointment.ClosureSummary;
import fr.rdvnumerique.appointment.UnavailabilityService;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.Pickers;
import fr.rdvnumerique.base.ui.StaffGridPage;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Days a place is closed (works, local events). Public holidays are known already. */
@StyleSheet("styles/appointment.css")
@Route("staff/fermetures")
@Menu(title = "appointment.closures.menu", order = 18, icon = "BAN")
@RolesAllowed(Role.COORDINATOR_NAME)
class ClosuresView extends StaffGridPage<ClosureSummary> {

    private final UnavailabilityService unavailability;
    private final Map<Long, PlaceSummary> places;
    private final Clock clock;
    private final EditorDialog<ClosureForm> editor;

    ClosuresView(UnavailabilityService unavailability, TerritoryDirectory directory, CurrentStaff staff, Clock clock) {
        super("appointment.closures.title", "appointment.closures.add");
        this.unavailability = unavailability;
        this.clock = clock;
        this.places = directory.places(staff.structureId()).stream()
                .collect(Collectors.toMap(PlaceSummary::id, Function.identity()));
        this.editor = editor();
        var intro = new com.vaadin.flow.component.html.Paragraph(getTranslation("appointment.closures.intro"));
        addComponentAtIndex(1, intro);
        grid.addColumn(ClosureSummary::placeName).setHeader(getTranslation("appointment.closure.place")).setFlexGrow(1);
        grid.addColumn(c -> c.firstDay().equals(c.lastDay()) ? FrenchDates.day(c.firstDay())
                : getTranslation("appointment.closures.period", FrenchDates.day(c.firstDay()), FrenchDates.day(c.lastDay())))
                .setHeader(getTranslation("appointment.closure.period")).setFlexGrow(1);
        grid.addColumn(c -> c.reason() == null ? "" : c.reason()).setHeader(getTranslation("appointment.closure.reason")).setFlexGrow(1);
        RowActions.add(grid, null, row -> unavailability.deleteClosure(row.id()), this::refresh);
        setItems(unavailability::closures);
    }

    @Override
    protected void onAdd() {
        LocalDate today = LocalDate.now(clock.withZone(ParisTime.ZONE));
        editor.edit(getTranslation("appointment.closures.add"), new ClosureForm(null, today, today, null, false),
                unavailability::createClosure, this::refresh);
    }

    private EditorDialog<ClosureForm> editor() {
        var binder = new Binder<>(ClosureForm.class);
        var place = new Select<Long>();
        place.setLabel(getTranslation("appointment.closure.place"));
        place.setId("closure-place");
        place.setItems(places.keySet());
        place.setItemLabelGenerator(id -> id == null ? "" : places.get(id).name());
        var first = Pickers.datePicker(getTranslation("appointment.closure.first-day"));
        var last = Pickers.datePicker(getTranslation("appointment.closure.last-day"));
        var reason = new TextField(getTranslation("appointment.closure.reason"));
        reason.setId("closure-reason");
        reason.setMaxLength(200);
        reason.setHelperText(getTranslation("appointment.closure.reason.help"));
        // Appointments already booked those days: said with their number, cancelled only when asked.
        var cancel = new Checkbox();
        cancel.setId("closure-cancel-appointments");
        cancel.setVisible(false);
        Runnable count = () -> {
            int booked = unavailability.appointmentsDuringClosure(place.getValue(), first.getValue(), last.getValue());
            cancel.setVisible(booked > 0);
            cancel.setLabel(getTranslation("appointment.closure.cancel-appointments", booked));
            if (booked == 0) {
                cancel.setValue(false);
            }
        };
        place.addValueChangeListener(e -> count.run());
        first.addValueChangeListener(e -> count.run());
        last.addValueChangeListener(e -> count.run());
        String required = getTranslation("validation.required");
        binder.forField(place).withValidator(DomainValidators.required("appointment.closure.place.required")).bind("placeId");
        binder.forField(first).asRequired(required).bind("firstDay");
        binder.forField(last).asRequired(required)
                .withValidator(v -> first.getValue() == null || !v.isBefore(first.getValue()), getTranslation("appointment.closure.order"))
                .bind("lastDay");
        binder.forField(reason).bind("reason");
        binder.forField(cancel).bind("cancelAppointments");
        var dialog = new EditorDialog<>(binder, place, first, last, reason, cancel);
        dialog.saveButton().setId("closure-save");
        return dialog;
    }
}
