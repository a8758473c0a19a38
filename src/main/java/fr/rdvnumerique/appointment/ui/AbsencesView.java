package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.appointment.AbsenceForm;
import fr.rdvnumerique.appointment.AbsenceKind;
import fr.rdvnumerique.appointment.AbsenceSummary;
import fr.rdvnumerique.appointment.UnavailabilityService;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.ui.DomainValidators;
import fr.rdvnumerique.base.ui.EditorDialog;
import fr.rdvnumerique.base.ui.StaffGridPage;
import fr.rdvnumerique.territory.AdvisorSummary;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Leave, training, illness: the advisor is not booked, and nothing else is planned for them then. */
@StyleSheet("styles/appointment.css")
@Route("staff/absences")
@Menu(title = "appointment.absences.menu", order = 16, icon = "AIRPLANE")
@RolesAllowed(Role.ADVISOR_NAME)
class AbsencesView extends StaffGridPage<AbsenceSummary> {

    private final UnavailabilityService unavailability;
    private final Map<Long, AdvisorSummary> advisors;
    private final Clock clock;
    private final EditorDialog<AbsenceForm> editor;

    AbsencesView(UnavailabilityService unavailability, Clock clock) {
        super("appointment.absences.title", "appointment.absences.add");
        this.unavailability = unavailability;
        this.clock = clock;
        this.advisors = unavailability.advisors().stream().collect(Collectors.toMap(AdvisorSummary::id, Function.identity()));
        this.editor = editor();
        grid.addColumn(AbsenceSummary::advisorName).setHeader(getTranslation("appointment.absence.advisor")).setFlexGrow(1);
        grid.addColumn(a -> getTranslation("appointment.absences.period", FrenchDates.dayAndTime(a.start()),
                FrenchDates.dayAndTime(a.end()))).setHeader(getTranslation("appointment.absence.period")).setFlexGrow(2);
        grid.addColumn(a -> getTranslation(a.kind().labelKey())).setHeader(getTranslation("appointment.absence.kind")).setAutoWidth(true);
        grid.addColumn(a -> a.note() == null ? "" : a.note()).setHeader(getTranslation("appointment.absence.note")).setFlexGrow(1);
        RowActions.add(grid, null, row -> unavailability.deleteAbsence(row.id()), this::refresh);
        setItems(unavailability::absences);
    }

    @Override
    protected void onAdd() {
        LocalDate tomorrow = LocalDate.now(clock.withZone(ParisTime.ZONE)).plusDays(1);
        Long advisor = advisors.size() == 1 ? advisors.keySet().iterator().next() : null;
        editor.edit(getTranslation("appointment.absences.add"), new AbsenceForm(advisor, tomorrow.atTime(LocalTime.of(8, 0)),
                tomorrow.atTime(LocalTime.of(19, 0)), AbsenceKind.CONGE, null, false), unavailability::createAbsence, this::refresh);
    }

    private EditorDialog<AbsenceForm> editor() {
        var binder = new Binder<>(AbsenceForm.class);
        var advisor = new Select<Long>();
        advisor.setLabel(getTranslation("appointment.absence.advisor"));
        advisor.setId("absence-advisor");
        advisor.setItems(advisors.keySet());
        advisor.setItemLabelGenerator(id -> id == null ? "" : advisors.get(id).displayName());
        var start = new DateTimePicker(getTranslation("appointment.absence.start"));
        start.setId("absence-start");
        start.setLocale(Locale.FRANCE);
        var end = new DateTimePicker(getTranslation("appointment.absence.end"));
        end.setId("absence-end");
        end.setLocale(Locale.FRANCE);
        var kind = ActivityRecordEditor.select(this, "appointment.absence.kind", AbsenceKind.values());
        var note = new TextField(getTranslation("appointment.absence.note"));
        note.setMaxLength(300);
        var cancel = new Checkbox(getTranslation("appointment.absence.cancel-appointments"));
        cancel.setId("absence-cancel-appointments");
        binder.forField(advisor).withValidator(DomainValidators.required("appointment.absence.advisor.required")).bind("advisorId");
        binder.forField(start).withValidator(DomainValidators.required("validation.required")).bind("start");
        binder.forField(end).withValidator(DomainValidators.required("validation.required"))
                .withValidator(v -> start.getValue() == null || v.isAfter(start.getValue()), getTranslation("appointment.absence.order"))
                .bind("end");
        binder.forField(kind).withValidator(DomainValidators.required("validation.required")).bind("kind");
        binder.forField(note).bind("note");
        binder.forField(cancel).bind("cancelAppointments");
        var dialog = new EditorDialog<>(binder, advisor, kind, start, end, note, cancel);
        dialog.saveButton().setId("absence-save");
        return dialog;
    }
}
