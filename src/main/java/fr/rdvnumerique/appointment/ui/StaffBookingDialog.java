package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import fr.rdvnumerique.appointment.AgendaService;
import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.appointment.MotifSummary;
import fr.rdvnumerique.appointment.domain.Appointment;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.ui.ContactFields;
import fr.rdvnumerique.base.ui.NoticeChoiceField;
import fr.rdvnumerique.base.ui.Pickers;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Staff book on someone's behalf (phone call, visit): place, motif, day, free time, the advisor (or whoever is
 * free), what the person wants to learn, and who they are. Each field says what is wrong next to it.
 */
class StaffBookingDialog extends Dialog {

    private final AgendaService agenda;
    private final List<AdvisorSummary> bookable;
    private final AdvisorSummary preferred;
    private final Paragraph error = new Paragraph();
    private final Select<PlaceSummary> place = new Select<>();
    private final Select<MotifSummary> motif = new Select<>();
    private final com.vaadin.flow.component.datepicker.DatePicker day;
    private final Select<FreeSlot> time = new Select<>();
    private final Select<AdvisorSummary> advisor = new Select<>();
    private final ContactFields contact = new ContactFields("staff-booking", ContactFields.Wording.FORM);
    private final NoticeChoiceField noticeBy = new NoticeChoiceField("staff-booking");

    StaffBookingDialog(AgendaService agenda, AdvisorSummary preferredAdvisor, LocalDate initialDay, Runnable onBooked) {
        this.agenda = agenda;
        this.bookable = agenda.advisors();
        this.preferred = preferredAdvisor;
        setId("staff-booking-dialog");
        setHeaderTitle(getTranslation("appointment.agenda.book"));
        setWidth("min(48rem, 100%)");
        setCloseOnOutsideClick(false);
        error.addClassName("form-error");
        error.setId("staff-booking-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);

        place.setLabel(getTranslation("appointment.booking.place"));
        place.setId("staff-booking-place");
        place.setItems(agenda.places());
        place.setItemLabelGenerator(p -> p == null ? "" : p.name());
        motif.setLabel(getTranslation("appointment.booking.motif"));
        motif.setId("staff-booking-motif");
        motif.setItemLabelGenerator(m -> m == null ? "" : m.label());
        day = Pickers.datePicker(getTranslation("appointment.booking.day"));
        day.setId("staff-booking-day");
        day.setValue(initialDay);
        time.setLabel(getTranslation("appointment.booking.time"));
        time.setId("staff-booking-time");
        time.setItemLabelGenerator(s -> s == null ? "" : SlotTimes.label(this, s));
        advisor.setLabel(getTranslation("appointment.booking.advisor"));
        advisor.setId("staff-booking-advisor");
        advisor.setEmptySelectionAllowed(true);
        advisor.setEmptySelectionCaption(getTranslation("appointment.booking.advisor.any"));
        advisor.setItemLabelGenerator(a -> a == null ? getTranslation("appointment.booking.advisor.any") : a.displayName());
        var themes = new MultiSelectComboBox<Theme>(getTranslation("appointment.booking.themes"));
        themes.setId("staff-booking-themes");
        themes.setItems(Theme.values());
        themes.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        themes.setHelperText(getTranslation("appointment.booking.themes.help"));
        contact.email().setHelperText(null);
        contact.phone().setHelperText(getTranslation("appointment.booking.contact.either"));
        var reminders = new Checkbox(getTranslation("appointment.wizard.contact.reminders"), true);
        var needs = new TextArea(getTranslation("appointment.booking.needs"));
        needs.setId("staff-booking-needs");
        needs.setMaxLength(Appointment.MAX_NEEDS);

        place.addValueChangeListener(e -> {
            motif.setItems(e.getValue() == null ? List.of() : agenda.motifsAt(e.getValue().id()));
            refreshTimes();
        });
        motif.addValueChangeListener(e -> refreshTimes());
        day.addValueChangeListener(e -> refreshTimes());
        time.addValueChangeListener(e -> refreshAdvisors());

        var form = new FormLayout(place, motif, day, time, advisor, themes, contact.givenName(), contact.familyName(),
                contact.email(), contact.phone(), noticeBy, reminders, needs);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.setColspan(themes, 2);
        form.setColspan(needs, 2);
        add(error, form);

        var save = new Button(getTranslation("appointment.booking.save"), e -> {
            error.setVisible(false);
            boolean complete = place.getValue() != null && motif.getValue() != null && time.getValue() != null;
            if (!contact.check() | !complete) {
                showError(getTranslation(complete ? "form.check-fields" : "appointment.booking.incomplete"));
                return;
            }
            var request = new BookingRequest(place.getValue().id(), motif.getValue().id(), time.getValue().start(),
                    contact.givenNameValue(), contact.familyNameValue(), contact.emailValue(), contact.phoneValue(),
                    reminders.getValue(), themes.getValue(), needs.getValue(), Origin.staff(),
                    advisor.getValue() == null ? null : advisor.getValue().id(), noticeBy.getValue());
            switch (agenda.book(request)) {
                case PlaceResult.Confirmed<AppointmentCard, FreeSlot> booked -> {
                    close();
                    onBooked.run();
                }
                case PlaceResult.SlotTaken<AppointmentCard, FreeSlot> taken -> {
                    refreshTimes();
                    showError(getTranslation(taken.messageKey()));
                }
                case PlaceResult.Refused<AppointmentCard, FreeSlot> refused -> {
                    // The chosen advisor became busy, or the time is no longer free: the times as they are now.
                    refreshTimes();
                    showError(getTranslation(refused.messageKey(), refused.args()));
                }
                case PlaceResult.TryLater<AppointmentCard, FreeSlot> later -> showError(getTranslation(later.messageKey()));
                case PlaceResult.Invalid<AppointmentCard, FreeSlot> invalid -> showError(
                        noticeBy.show(invalid.field(), invalid.messageKey(), invalid.args())
                                || contact.show(invalid.field(), invalid.messageKey(), invalid.args())
                                ? getTranslation("form.check-fields") : getTranslation(invalid.messageKey(), invalid.args()));
                case PlaceResult.Waitlisted<AppointmentCard, FreeSlot> w ->
                        throw new IllegalStateException("Appointments have no waiting list");
                case PlaceResult.AlreadyHeld<AppointmentCard, FreeSlot> a ->
                        throw new IllegalStateException("A slot is never held twice");
            }
        });
        save.setId("staff-booking-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    private void refreshTimes() {
        if (place.getValue() == null || motif.getValue() == null || day.getValue() == null) {
            time.setItems(List.of());
            refreshAdvisors();
            return;
        }
        List<FreeSlot> slots = agenda.freeSlots(place.getValue().id(), motif.getValue().id(), day.getValue());
        time.setItems(slots);
        time.setHelperText(slots.isEmpty() ? getTranslation("appointment.dialog.move.none") : null);
        refreshAdvisors();
    }

    /**
     * The advisors free at the chosen time, the agenda's advisor first when free; when that advisor is busy then,
     * the field says so rather than booking someone else in silence.
     */
    private void refreshAdvisors() {
        FreeSlot slot = time.getValue();
        List<AdvisorSummary> free = slot == null ? List.of()
                : bookable.stream().filter(a -> slot.advisorIds().contains(a.id())).toList();
        advisor.setItems(free);
        AdvisorSummary wanted = preferred == null ? null
                : free.stream().filter(a -> Objects.equals(a.id(), preferred.id())).findFirst().orElse(null);
        advisor.setValue(wanted);
        advisor.setHelperText(slot != null && preferred != null && wanted == null
                ? getTranslation("appointment.booking.advisor.busy", preferred.displayName()) : null);
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }
}
