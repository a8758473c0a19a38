package fr.rdvnumerique.appointment.ui;

import fr.rdvnumerique.base.ui.PageStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.AppointmentSettings;
import fr.rdvnumerique.appointment.AppointmentStatus;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.appointment.SlotTakenException;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.ui.PublicLayout;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.base.web.ClientAddress;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The private link's page: the person sees their appointment, cancels it or moves it (before the cut-off), with
 * no account. The token is the key; an unknown or malformed one says so kindly.
 */
@StyleSheet("styles/appointment.css")
@Route(value = "rendez-vous/:token", layout = PublicLayout.class)
@AnonymousAllowed
public class ManageAppointmentView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final BookingService booking;
    private final TerritoryDirectory directory;
    private final RateLimiter limiter;
    private final AppointmentSettings settings;
    private final Clock clock;
    private final Paragraph alert = new Paragraph();
    private final Paragraph notice = new Paragraph();
    private String token;
    private AppointmentCard card;
    private List<FreeSlot> freeSlots = List.of();

    public ManageAppointmentView(BookingService booking, TerritoryDirectory directory, RateLimiter limiter,
                                 AppointmentSettings settings, Clock clock) {
        this.booking = booking;
        this.directory = directory;
        this.limiter = limiter;
        this.settings = settings;
        this.clock = clock;
        addClassNames("public-page", "manage-appointment");
        alert.addClassName("wizard-alert");
        alert.setId("manage-alert");
        alert.getElement().setAttribute("role", "alert");
        notice.addClassName("wizard-notice");
        notice.setId("manage-notice");
        notice.getElement().setAttribute("role", "status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        if (!limiter.tryAcquire("appointment.manage", ClientAddress.current(), settings.lookupsPerHourPerAddress())) {
            message("appointment.manage.unknown.title", getTranslation("error.rate-limited"));
            return;
        }
        card = booking.findByToken(token).orElse(null);
        if (card == null) {
            PageStatus.notFound();
            message("appointment.manage.unknown.title", getTranslation("appointment.manage.unknown.text"));
            return;
        }
        showAppointment();
    }

    private void message(String titleKey, String text) {
        removeAll();
        var title = new H1(getTranslation(titleKey));
        title.setId("manage-title");
        BookingWizardView.focusOnArrival(title);
        add(title, new Paragraph(text));
    }

    void showAppointment() {
        removeAll();
        alert.setVisible(false);
        notice.setVisible(false);
        var title = new H1(getTranslation("appointment.manage.title"));
        title.setId("manage-title");
        BookingWizardView.focusOnArrival(title);
        var status = new Span(getTranslation(card.status().labelKey()));
        status.addClassNames("status-badge", "status-" + card.status().name().toLowerCase());
        status.setId("manage-status");
        var when = new Paragraph(SlotTimes.dayAndTime(this, card.start()));
        when.addClassName("confirmation-date");
        when.setId("manage-date");
        add(title, notice, alert, status, when, new Paragraph(card.motifLabel()));
        if (card.status() == AppointmentStatus.BOOKED) {
            add(BookingWizardView.calendarLink(token, getTranslation("appointment.calendar.add")));
            if (clock.instant().isBefore(card.start())) {
                var presence = new com.vaadin.flow.router.RouterLink(getTranslation("appointment.presence.answer"),
                        AppointmentPresenceView.class, new com.vaadin.flow.router.RouteParameters("token", token));
                presence.setId("manage-presence");
                add(presence);
            }
        }
        if (card.status() != AppointmentStatus.CANCELLED) {
            // « Où aller » for an appointment that will not happen would send someone there for nothing.
            add(new H2(getTranslation("appointment.wizard.done.where")), new PlaceBlock(card.place()));
        }
        if (card.aidantsConnect() && card.status() == AppointmentStatus.BOOKED) {
            add(new AidantsConnectChecklist());
        }
        var actions = new Div();
        actions.addClassName("wizard-actions");
        if (card.canChange()) {
            var move = new Button(getTranslation("appointment.manage.move"), e -> showMove());
            move.setId("manage-move");
            move.addThemeVariants(ButtonVariant.PRIMARY);
            move.addClassName("wizard-primary");
            var cancel = new Button(getTranslation("appointment.manage.cancel"), e -> showCancel());
            cancel.setId("manage-cancel");
            cancel.addThemeVariants(ButtonVariant.ERROR);
            cancel.addClassName("wizard-primary");
            var contact = new Button(getTranslation("contact.change.title"), e -> showContactForm());
            contact.setId("manage-change-contact");
            contact.addThemeVariants(ButtonVariant.TERTIARY);
            actions.add(move, cancel);
            add(new H2(getTranslation("appointment.manage.change.title")), actions, contact);
        } else if (card.status() == AppointmentStatus.BOOKED) {
            add(new Paragraph(card.structurePhone() == null
                    ? getTranslation("appointment.manage.too-late.no-phone", card.cutoffHours())
                    : getTranslation("appointment.manage.too-late", card.cutoffHours(), card.structurePhone())));
        } else if (card.status() == AppointmentStatus.CANCELLED) {
            directory.structure(card.place().structureId()).ifPresent(s -> {
                var again = new Anchor("territoire/" + s.slug() + "/rendez-vous", getTranslation("appointment.manage.book-again"));
                again.getElement().setAttribute("router-link", true);
                again.setId("book-again");
                add(new Paragraph(again));
            });
        }
    }

    /** The e-mail and phone fields in place of the button; saving tells the new and the former contact. */
    private void showContactForm() {
        var form = new fr.rdvnumerique.base.ui.ContactChangeForm("manage-contact", card.personName(), card.personName(),
                card.email(), card.phone(), (email, phone) -> card = booking.changeContactByToken(token, email, phone),
                () -> {
                    showAppointment();
                    notice.setText(getTranslation("contact.change.done"));
                    notice.setVisible(true);
                });
        form.setId("manage-contact-form");
        getChildren().filter(c -> c.getId().filter("manage-change-contact"::equals).isPresent()).findFirst()
                .ifPresent(button -> {
                    int index = indexOf(button);
                    remove(button);
                    addComponentAtIndex(index, form);
                });
    }

    void showCancel() {
        removeAll();
        var title = new H1(getTranslation("appointment.manage.cancel.title"));
        title.setId("manage-title");
        BookingWizardView.focusOnArrival(title);
        var yes = new Button(getTranslation("appointment.manage.cancel.yes"), e -> cancel());
        yes.setId("cancel-yes");
        yes.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        yes.addClassName("wizard-primary");
        yes.setDisableOnClick(true);
        var no = new Button(getTranslation("appointment.manage.cancel.no"), e -> showAppointment());
        no.setId("cancel-no");
        no.addClassName("wizard-primary");
        var actions = new Div(yes, no);
        actions.addClassName("wizard-actions");
        add(title, alert, new Paragraph(getTranslation("appointment.manage.cancel.question",
                SlotTimes.dayAndTime(this, card.start()), card.place().name(), card.place().named().after("à"))), actions);
    }

    private void cancel() {
        try {
            card = booking.cancelByToken(token);
            showAppointment();
            notice.setText(getTranslation("appointment.manage.cancelled"));
            notice.setVisible(true);
        } catch (BusinessRuleException e) {
            reloadWith(UiMessages.describe(this, e));
        }
    }

    void showMove() {
        removeAll();
        var title = new H1(getTranslation("appointment.manage.move.title"));
        title.setId("manage-title");
        BookingWizardView.focusOnArrival(title);
        add(title, alert);
        LocalDate today = LocalDate.now(clock.withZone(ParisTime.ZONE));
        freeSlots = booking.freeSlotsToMove(token, today, today.plusDays(366));
        if (freeSlots.isEmpty()) {
            add(new Paragraph(getTranslation("appointment.wizard.day.none")));
        } else {
            Map<LocalDate, Integer> counts = freeSlots.stream()
                    .collect(Collectors.groupingBy(FreeSlot::day, TreeMap::new, Collectors.summingInt(s -> 1)));
            var calendar = new MonthCalendar(clock, this::showMoveTimes);
            calendar.show(counts);
            add(new Paragraph(getTranslation("appointment.manage.move.help", SlotTimes.dayAndTime(this, card.start()))), calendar);
        }
        add(backButton());
    }

    private void showMoveTimes(LocalDate day) {
        removeAll();
        var title = new H1(getTranslation("appointment.wizard.time.title"));
        title.setId("manage-title");
        BookingWizardView.focusOnArrival(title);
        var times = new Div();
        times.addClassName("time-choices");
        for (FreeSlot slot : freeSlots.stream().filter(s -> s.day().equals(day)).toList()) {
            var button = new NativeButton(SlotTimes.label(this, slot), e -> confirmMove(slot));
            button.setId(SlotTimes.id(slot));
            button.addClassName("time-choice");
            times.add(button);
        }
        add(title, alert, new Paragraph(getTranslation("appointment.wizard.time.help", FrenchDates.day(day))), times,
                backButton());
    }

    /** Nothing moves until the person says yes: the new time next to the current one. */
    private void confirmMove(FreeSlot slot) {
        removeAll();
        var title = new H1(getTranslation("appointment.manage.move.confirm.title"));
        title.setId("manage-title");
        BookingWizardView.focusOnArrival(title);
        var question = new Paragraph(getTranslation("appointment.manage.move.confirm.question",
                SlotTimes.dayAndTime(this, card.start()), SlotTimes.dayAndTime(this, slot.start())));
        question.setId("move-question");
        var yes = new Button(getTranslation("appointment.manage.move.confirm.yes"), e -> move(slot));
        yes.setId("move-yes");
        yes.addThemeVariants(ButtonVariant.PRIMARY);
        yes.addClassName("wizard-primary");
        yes.setDisableOnClick(true);
        var no = new Button(getTranslation("appointment.manage.move.confirm.no"), e -> showMoveTimes(slot.day()));
        no.setId("move-no");
        no.addClassName("wizard-primary");
        var actions = new Div(yes, no);
        actions.addClassName("wizard-actions");
        add(title, alert, question, actions);
    }

    private void move(FreeSlot slot) {
        try {
            card = booking.rescheduleByToken(token, slot.start());
            showAppointment();
            notice.setText(getTranslation("appointment.manage.moved", SlotTimes.dayAndTime(this, card.start())));
            notice.setVisible(true);
        } catch (SlotTakenException e) {
            showMove();
            alert.setText(getTranslation(e.messageKey()));
            alert.setVisible(true);
        } catch (BusinessRuleException e) {
            reloadWith(UiMessages.describe(this, e));
        }
    }

    private void reloadWith(String message) {
        card = booking.findByToken(token).orElse(card);
        showAppointment();
        alert.setText(message);
        alert.setVisible(true);
    }

    private Button backButton() {
        var back = new Button(getTranslation("appointment.wizard.back"), e -> showAppointment());
        back.setId("manage-back");
        back.addThemeVariants(ButtonVariant.TERTIARY);
        back.addClassName("wizard-back");
        return back;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("appointment.manage.title"));
    }
}
