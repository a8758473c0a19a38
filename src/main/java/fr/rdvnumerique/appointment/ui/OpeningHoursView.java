package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.appointment.OpeningHoursForm;
import fr.rdvnumerique.appointment.OpeningHoursService;
import fr.rdvnumerique.appointment.OpeningHoursSummary;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.Pickers;
import fr.rdvnumerique.base.ui.StaffGridPage;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Plages d'ouverture: when each advisor receives at each place. */
@StyleSheet("styles/appointment.css")
@Route("staff/plages")
@Menu(title = "appointment.hours.menu", order = 14, icon = "CLOCK")
@RolesAllowed(Role.COORDINATOR_NAME)
class OpeningHoursView extends StaffGridPage<OpeningHoursSummary> {

    private final OpeningHoursService hours;
    private final Map<Long, AdvisorSummary> advisors;
    private final Map<Long, PlaceSummary> places;
    private final Clock clock;
    private final EditorDialog<OpeningHoursForm> editor;

    OpeningHoursView(OpeningHoursService hours, TerritoryDirectory directory, CurrentStaff staff, Clock clock) {
        super("appointment.hours.title", "appointment.hours.add");
        this.hours = hours;
        this.clock = clock;
        this.advisors = directory.advisors(staff.structureId()).stream()
                .collect(Collectors.toMap(AdvisorSummary::id, Function.identity()));
        this.places = directory.places(staff.structureId()).stream()
                .collect(Collectors.toMap(PlaceSummary::id, Function.identity()));
        this.editor = editor();
        grid.addColumn(OpeningHoursSummary::advisorName).setHeader(getTranslation("appointment.hours.advisor")).setFlexGrow(1);
        grid.addColumn(OpeningHoursSummary::placeName).setHeader(getTranslation("appointment.hours.place")).setFlexGrow(1);
        grid.addColumn(h -> weekday(h.weekday()) + ", " + FrenchDates.time(h.start()) + " – " + FrenchDates.time(h.end()))
                .setHeader(getTranslation("appointment.hours.when")).setAutoWidth(true);
        grid.addColumn(h -> h.validUntil() == null ? getTranslation("appointment.hours.since", FrenchDates.day(h.validFrom()))
                : getTranslation("appointment.hours.between", FrenchDates.day(h.validFrom()), FrenchDates.day(h.validUntil())))
                .setHeader(getTranslation("appointment.hours.validity")).setAutoWidth(true);
        RowActions.add(grid, this::edit, row -> hours.delete(row.id()), this::refresh);
        setItems(hours::list);
    }

    private static String weekday(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.FRENCH);
    }

    @Override
    protected void onAdd() {
        editor.edit(getTranslation("appointment.hours.add"), new OpeningHoursForm(null, null, DayOfWeek.TUESDAY,
                LocalTime.of(9, 0), LocalTime.of(12, 0), LocalDate.now(clock), null), hours::create, this::refresh);
    }

    private void edit(OpeningHoursSummary row) {
        var loaded = hours.load(row.id());
        editor.edit(getTranslation("appointment.hours.edit"), loaded.value(),
                form -> hours.update(loaded.id(), loaded.version(), form), this::refresh);
    }

    private EditorDialog<OpeningHoursForm> editor() {
        var binder = new Binder<>(OpeningHoursForm.class);
        var advisor = new Select<Long>();
        advisor.setLabel(getTranslation("appointment.hours.advisor"));
        advisor.setId("hours-advisor");
        advisor.setItems(advisors.keySet());
        advisor.setItemLabelGenerator(id -> id == null ? "" : advisors.get(id).displayName());
        var place = new Select<Long>();
        place.setLabel(getTranslation("appointment.hours.place"));
        place.setId("hours-place");
        place.setItems(places.keySet());
        place.setItemLabelGenerator(id -> id == null ? "" : places.get(id).name());
        var weekday = new Select<DayOfWeek>();
        weekday.setLabel(getTranslation("appointment.hours.weekday"));
        weekday.setItems(DayOfWeek.values());
        weekday.setItemLabelGenerator(d -> d == null ? "" : weekday(d));
        var start = time("appointment.hours.start");
        start.setId("hours-start");
        var end = time("appointment.hours.end");
        end.setId("hours-end");
        var from = Pickers.datePicker(getTranslation("appointment.hours.valid-from"));
        var until = Pickers.datePicker(getTranslation("appointment.hours.valid-until"));
        until.setHelperText(getTranslation("appointment.hours.valid-until.help"));
        String required = getTranslation("validation.required");
        binder.forField(advisor).withValidator(DomainValidators.required("appointment.hours.advisor.required")).bind("advisorId");
        binder.forField(place).withValidator(DomainValidators.required("appointment.hours.place.required")).bind("placeId");
        binder.forField(weekday).withValidator(DomainValidators.required("validation.required")).bind("weekday");
        binder.forField(start).asRequired(required).bind("start");
        binder.forField(end).asRequired(required)
                .withValidator(v -> start.getValue() == null || v.isAfter(start.getValue()), getTranslation("appointment.hours.order"))
                .bind("end");
        binder.forField(from).asRequired(required).bind("validFrom");
        binder.forField(until)
                .withValidator(v -> v == null || from.getValue() == null || !v.isBefore(from.getValue()),
                        getTranslation("appointment.hours.validity.invalid"))
                .bind("validUntil");
        var dialog = new EditorDialog<>(binder, advisor, place, weekday, start, end, from, until);
        dialog.saveButton().setId("hours-save");
        return dialog;
    }

    private TimePicker time(String key) {
        var picker = new TimePicker(getTranslation(key));
        picker.setStep(Duration.ofMinutes(15));
        picker.setLocale(Locale.FRANCE);
        return picker;
    }
}
