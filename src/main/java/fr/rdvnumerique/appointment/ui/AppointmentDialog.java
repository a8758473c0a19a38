package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import fr.rdvnumerique.appointment.ActivityRecordService;
import fr.rdvnumerique.appointment.AgendaAppointment;
import fr.rdvnumerique.appointment.AgendaService;
import fr.rdvnumerique.appointment.AppointmentStatus;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.appointment.domain.Appointment;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.ui.Pickers;
import fr.rdvnumerique.base.ui.UiMessages;
import java.util.stream.Collectors;

/** One appointment for staff: who, what, when; move, cancel with a reason, mark done or no-show, record. */
class AppointmentDialog extends Dialog {

    private final AgendaService agenda;
    private final ActivityRecordService records;
    private final long id;
    private final Runnable onChange;
    private final java.time.Clock clock;
    private final Paragraph error = new Paragraph();
    private final Div body = new Div();
    private AgendaAppointment appointment;

    AppointmentDialog(AgendaService agenda, ActivityRecordService records, java.time.Clock clock, long id, Runnable onChange) {
        this.agenda = agenda;
        this.clock = clock;
        this.records = records;
        this.id = id;
        this.onChange = onChange;
        setId("appointment-dialog");
        setWidth("min(44rem, 100%)");
        error.addClassName("form-error");
        error.setId("appointment-error");
        error.getElement().setAttribute("role", "alert");
        add(error, body);
        var close = new Button(getTranslation("appointment.dialog.close"), e -> close());
        close.setId("appointment-close");
        getFooter().add(close);
        load();
    }

    private void load() {
        appointment = agenda.appointment(id);
        setHeaderTitle(appointment.personName() + " – " + SlotTimes.dayAndTime(this, appointment.start()));
        error.setVisible(false);
        body.removeAll();
        var details = new DescriptionList();
        details.addClassName("review");
        add(details, "appointment.dialog.status", getTranslation(appointment.status().labelKey())
                + (appointment.cancelReason() == null ? "" : " – " + appointment.cancelReason()));
        add(details, "appointment.dialog.when", FrenchDates.dayAndTimeRange(appointment.start(), appointment.end()));
        add(details, "appointment.dialog.motif", appointment.motifLabel()
                + (appointment.aidantsConnect() ? " (" + getTranslation("appointment.dialog.aidants-connect") + ")" : ""));
        add(details, "appointment.dialog.place", appointment.placeName());
        add(details, "appointment.dialog.advisor", appointment.advisorName());
        add(details, "appointment.dialog.email", appointment.email() == null ? "–" : appointment.email());
        add(details, "appointment.dialog.phone", appointment.phone() == null ? "–" : appointment.phone());
        add(details, "appointment.dialog.themes", appointment.themes().isEmpty() ? "–"
                : appointment.themes().stream().map(t -> getTranslation(t.labelKey())).collect(Collectors.joining(", ")));
        add(details, "appointment.dialog.needs", appointment.needs() == null ? "–" : appointment.needs());
        add(details, "appointment.dialog.channel", getTranslation(appointment.channel().labelKey()));
        add(details, "appointment.dialog.coming", appointment.presenceConfirmedAt() == null
                ? getTranslation("appointment.dialog.coming.no")
                : getTranslation("appointment.dialog.coming.at", FrenchDates.dayAndTime(appointment.presenceConfirmedAt())));
        body.add(details, actions());
    }

    private void add(DescriptionList list, String key, String value) {
        list.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }

    private Div actions() {
        var actions = new Div();
        actions.addClassName("dialog-actions");
        boolean started = !appointment.start().isAfter(clock.instant());
        if (appointment.status() == AppointmentStatus.BOOKED) {
            actions.add(button("appointment-move", "appointment.dialog.move", this::showMove),
                    button("appointment-cancel", "appointment.dialog.cancel", this::showCancel));
            if (started) {
                actions.add(button("appointment-done", "appointment.dialog.done", this::recordDone),
                        button("appointment-no-show", "appointment.dialog.no-show", () -> act(() -> agenda.markNoShow(id))));
            }
        } else if (appointment.status() == AppointmentStatus.DONE && !appointment.recorded()) {
            actions.add(button("appointment-record", "appointment.dialog.record", this::recordDone));
        }
        return actions;
    }

    private Button button(String buttonId, String key, Runnable action) {
        var button = new Button(getTranslation(key), e -> action.run());
        button.setId(buttonId);
        return button;
    }

    private void act(Runnable action) {
        try {
            action.run();
            onChange.run();
            load();
        } catch (RuntimeException e) {
            showError(e);
        }
    }

    private void showError(RuntimeException e) {
        error.setText(UiMessages.describe(this, e));
        error.setVisible(true);
    }

    private void showMove() {
        var day = Pickers.datePicker(getTranslation("appointment.dialog.move.day"));
        day.setId("move-day");
        var time = new Select<FreeSlot>();
        time.setId("move-time");
        time.setLabel(getTranslation("appointment.dialog.move.time"));
        time.setItemLabelGenerator(s -> s == null ? "" : SlotTimes.label(this, s));
        time.setEmptySelectionAllowed(false);
        day.addValueChangeListener(e -> {
            time.setItems(e.getValue() == null ? java.util.List.of() : agenda.freeSlotsToMove(id, e.getValue()));
            time.setHelperText(e.getValue() != null && time.getListDataView().getItemCount() == 0
                    ? getTranslation("appointment.dialog.move.none") : null);
        });
        var confirm = new Button(getTranslation("appointment.dialog.move.confirm"), e -> {
            if (time.getValue() == null) {
                error.setText(getTranslation("appointment.slot.required"));
                error.setVisible(true);
                return;
            }
            act(() -> agenda.move(id, time.getValue().start()));
        });
        confirm.setId("move-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        body.removeAll();
        body.add(new H3(getTranslation("appointment.dialog.move.title")), day, time, confirm, backButton());
    }

    private void showCancel() {
        var reason = new TextArea(getTranslation("appointment.dialog.cancel.reason"));
        reason.setId("cancel-reason");
        reason.setMaxLength(Appointment.MAX_CANCEL_REASON);
        reason.setRequired(true);
        reason.setWidthFull();
        reason.setHelperText(getTranslation("appointment.dialog.cancel.reason.help"));
        var confirm = new Button(getTranslation("appointment.dialog.cancel.confirm"), e -> act(() -> agenda.cancel(id, reason.getValue())));
        confirm.setId("cancel-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        body.removeAll();
        body.add(new H3(getTranslation("appointment.dialog.cancel.title")), reason, confirm, backButton());
    }

    private void recordDone() {
        try {
            var form = records.prefill(id);
            var editor = ActivityRecordEditor.create(this, records.places(), records.communes());
            editor.edit(getTranslation("appointment.record.title", appointment.personName()), form,
                    value -> records.recordForAppointment(id, value), () -> {
                        onChange.run();
                        load();
                    });
        } catch (RuntimeException e) {
            showError(e);
        }
    }

    private Button backButton() {
        var back = new Button(getTranslation("appointment.wizard.back"), e -> load());
        back.setId("appointment-back");
        back.addThemeVariants(ButtonVariant.TERTIARY);
        return back;
    }
}
