package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.appointment.AgendaService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.appointment.MotifSummary;
import fr.rdvnumerique.appointment.SlotTakenException;
import fr.rdvnumerique.appointment.StaffBooking;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.ui.Pickers;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.PlaceSummary;
import java.time.LocalDate;
import java.util.List;

/** Staff book on someone's behalf (phone call, visit): place, motif, day, free time, who. */
class StaffBookingDialog extends Dialog {

    private final AgendaService agenda;
    private final Paragraph error = new Paragraph();
    private final Select<PlaceSummary> place = new Select<>();
    private final Select<MotifSummary> motif = new Select<>();
    private final com.vaadin.flow.component.datepicker.DatePicker day;
    private final Select<FreeSlot> time = new Select<>();
    private final AdvisorSummary preferred;

    StaffBookingDialog(AgendaService agenda, AdvisorSummary preferredAdvisor, LocalDate initialDay, Runnable onBooked) {
        this.agenda = agenda;
        this.preferred = preferredAdvisor;
        setId("staff-booking-dialog");
        setHeaderTitle(getTranslation("appointment.agenda.book"));
        setWidth("min(44rem, 100%)");
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
        time.setItemLabelGenerator(s -> s == null ? "" : FrenchDates.time(s.start().atZone(ParisTime.ZONE).toLocalTime()));
        var name = new TextField(getTranslation("appointment.wizard.contact.name"));
        name.setId("staff-booking-name");
        name.setMaxLength(80);
        var email = new EmailField(getTranslation("appointment.wizard.contact.email"));
        email.setId("staff-booking-email");
        var phone = new TextField(getTranslation("appointment.wizard.contact.phone"));
        phone.setId("staff-booking-phone");
        var reminders = new Checkbox(getTranslation("appointment.wizard.contact.reminders"), true);
        var needs = new TextArea(getTranslation("appointment.booking.needs"));
        needs.setMaxLength(500);

        place.addValueChangeListener(e -> {
            motif.setItems(e.getValue() == null ? List.of() : agenda.motifsAt(e.getValue().id()));
            refreshTimes();
        });
        motif.addValueChangeListener(e -> refreshTimes());
        day.addValueChangeListener(e -> refreshTimes());

        var form = new FormLayout(place, motif, day, time, name, email, phone, reminders, needs);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        add(error, form);

        var save = new Button(getTranslation("appointment.booking.save"), e -> {
            if (place.getValue() == null || motif.getValue() == null || time.getValue() == null) {
                showError(getTranslation("appointment.booking.incomplete"));
                return;
            }
            try {
                agenda.book(new StaffBooking(place.getValue().id(), motif.getValue().id(), time.getValue().start(),
                        time.getValue().advisorIds().contains(preferredId()) ? preferredId() : null, name.getValue(),
                        email.getValue(), phone.getValue(), reminders.getValue(), needs.getValue()));
                close();
                onBooked.run();
            } catch (SlotTakenException ex) {
                refreshTimes();
                showError(UiMessages.describe(this, ex));
            } catch (BusinessRuleException | org.springframework.security.access.AccessDeniedException ex) {
                showError(UiMessages.describe(this, ex));
            }
        });
        save.setId("staff-booking-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var cancel = new Button(getTranslation("action.cancel"), e -> close());
        getFooter().add(cancel, save);
    }

    private Long preferredId() {
        return preferred == null ? null : preferred.id();
    }

    private void refreshTimes() {
        if (place.getValue() == null || motif.getValue() == null || day.getValue() == null) {
            time.setItems(List.of());
            return;
        }
        List<FreeSlot> slots = agenda.freeSlots(place.getValue().id(), motif.getValue().id(), day.getValue());
        time.setItems(slots);
        time.setHelperText(slots.isEmpty() ? getTranslation("appointment.dialog.move.none") : null);
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }
}
