package fr.rdvnumerique.kiosk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.appointment.AppointmentBooking;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingResult;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.appointment.MotifSummary;
import fr.rdvnumerique.atelier.RegistrationRequest;
import fr.rdvnumerique.atelier.RegistrationResult;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.AtelierCatalogue;
import fr.rdvnumerique.atelier.Channel;
import fr.rdvnumerique.atelier.SessionCard;
import fr.rdvnumerique.atelier.SessionFilter;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.web.PublicUrls;
import fr.rdvnumerique.base.web.QrCodes;
import fr.rdvnumerique.territory.KioskDeviceRef;
import fr.rdvnumerique.territory.KioskDevices;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The kiosk, one question per screen and at most four screens to register for an atelier: what to do, which
 * session, who you are, done (with a ticket to print or a QR code to scan). Everything lives in this view
 * and nowhere else, so starting over (a button, or the idle watch) forgets it all with the session.
 */
@Route(value = "kiosk", layout = KioskLayout.class, autoLayout = false)
@AnonymousAllowed
class KioskView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** How far ahead the kiosk offers ateliers and appointments. */
    static final int DAYS_AHEAD = 28;
    static final int MAX_SLOTS_SHOWN = 8;

    private final KioskDevices devices;
    private final TerritoryDirectory directory;
    private final AtelierCatalogue catalogue;
    private final RegistrationService registrations;
    private final AppointmentBooking booking;
    private final PublicUrls urls;
    private final Clock clock;

    private KioskDeviceRef device;
    private PlaceSummary place;
    // The visitor's path: kept only in this view, gone with the session.
    private SessionCard chosenSession;
    private MotifSummary chosenMotif;
    private FreeSlot chosenSlot;
    private Runnable back = () -> { };

    KioskView(KioskDevices devices, TerritoryDirectory directory, AtelierCatalogue catalogue,
              RegistrationService registrations, AppointmentBooking booking, PublicUrls urls, Clock clock) {
        this.devices = devices;
        this.directory = directory;
        this.catalogue = catalogue;
        this.registrations = registrations;
        this.booking = booking;
        this.urls = urls;
        this.clock = clock;
        addClassName("kiosk-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        device = KioskDeviceCookie.current(devices).orElse(null);
        place = device == null ? null : directory.place(device.placeId()).orElse(null);
        if (device == null || place == null) {
            notEnrolled();
        } else {
            home();
        }
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        if (place != null) {
            layout().ifPresent(l -> l.setTitleText(getTranslation("kiosk.title.place", place.name())));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("kiosk.title");
    }

    // --- Screens ------------------------------------------------------------------------------------------

    private void notEnrolled() {
        show(new H1(getTranslation("kiosk.not-enrolled.title")), new Paragraph(getTranslation("kiosk.not-enrolled.text")));
    }

    void home() {
        chosenSession = null;
        chosenMotif = null;
        chosenSlot = null;
        var atelier = card("kiosk-atelier", getTranslation("kiosk.home.atelier"), getTranslation("kiosk.home.atelier.hint"),
                e -> chooseSession());
        var appointment = card("kiosk-appointment", getTranslation("kiosk.home.appointment"),
                getTranslation("kiosk.home.appointment.hint"), e -> chooseMotif());
        var cards = new Div(atelier, appointment);
        cards.addClassName("kiosk-cards");
        var help = new Paragraph(getTranslation("kiosk.home.help"));
        help.addClassName("kiosk-help");
        showWithoutNavigation(new H1(getTranslation("kiosk.home.title")), cards, help);
    }

    private void chooseSession() {
        back = this::home;
        List<SessionCard> sessions = catalogue.upcoming(device.structureId(), new SessionFilter(null, null, null, null,
                false, null, null, today().plusDays(DAYS_AHEAD), device.placeId()));
        var cards = new Div();
        cards.addClassName("kiosk-cards");
        for (SessionCard session : sessions) {
            if (session.registrationOpen()) {
                cards.add(sessionCard(session));
            }
        }
        if (cards.getComponentCount() == 0) {
            show(new H1(getTranslation("kiosk.sessions.none")), new Paragraph(getTranslation("kiosk.home.help")));
            return;
        }
        show(new H1(getTranslation("kiosk.sessions.title")), cards);
    }

    private Component sessionCard(SessionCard session) {
        String when = FrenchDates.dayAndTime(session.start());
        String where = session.placeId() == device.placeId()
                ? getTranslation("kiosk.sessions.here") : getTranslation("kiosk.sessions.elsewhere", session.placeName(), session.communeName());
        var seats = new Span(session.full() ? getTranslation("kiosk.sessions.full")
                : getTranslation("kiosk.sessions.seats", session.seatsLeft()));
        seats.addClassName(session.full() ? "kiosk-seats full" : "kiosk-seats");
        var button = card("kiosk-session-" + session.id(), session.title(),
                when + " · " + where + " · " + getTranslation(session.level().labelKey()), e -> {
                    chosenSession = session;
                    who(this::chooseSession, this::registerForAtelier);
                });
        button.add(seats);
        if (session.full()) {
            button.addClassName("full");
        }
        return button;
    }

    private void chooseMotif() {
        back = this::home;
        List<MotifSummary> motifs = booking.motifsAt(device.placeId());
        if (motifs.isEmpty()) {
            show(new H1(getTranslation("kiosk.appointment.none")), new Paragraph(getTranslation("kiosk.home.help")));
            return;
        }
        if (motifs.size() == 1) {
            chosenMotif = motifs.getFirst();
            chooseSlot(this::home);
            return;
        }
        var cards = new Div();
        cards.addClassName("kiosk-cards");
        for (MotifSummary motif : motifs) {
            cards.add(card("kiosk-motif-" + motif.id(), motif.label(),
                    getTranslation("kiosk.appointment.duration", motif.durationMinutes()), e -> {
                        chosenMotif = motif;
                        chooseSlot(this::chooseMotif);
                    }));
        }
        show(new H1(getTranslation("kiosk.appointment.motif")), cards);
    }

    private void chooseSlot(Runnable previous) {
        back = previous;
        List<FreeSlot> slots = booking.freeSlots(device.placeId(), chosenMotif.id(), today(), today().plusDays(DAYS_AHEAD));
        if (slots.isEmpty()) {
            show(new H1(getTranslation("kiosk.appointment.no-slot")), new Paragraph(getTranslation("kiosk.home.help")));
            return;
        }
        var cards = new Div();
        cards.addClassName("kiosk-cards");
        slots.stream().limit(MAX_SLOTS_SHOWN).forEach(slot -> cards.add(card(
                "kiosk-slot-" + slot.start().getEpochSecond(), FrenchDates.dayAndTime(slot.start()),
                getTranslation("kiosk.appointment.slot-hint", chosenMotif.label(), chosenMotif.durationMinutes()), e -> {
                    chosenSlot = slot;
                    who(() -> chooseSlot(previous), this::bookAppointment);
                })));
        show(new H1(getTranslation("kiosk.appointment.slot")), cards);
    }

    /** Third screen, the same for both paths: who are you? One "Valider" button. */
    private void who(Runnable previous, Consumer<Who> submit) {
        back = previous;
        var first = field("kiosk-first-name", getTranslation("kiosk.who.first-name"), true);
        var last = field("kiosk-last-name", getTranslation("kiosk.who.last-name"), true);
        var phone = field("kiosk-phone", getTranslation("kiosk.who.phone"), false);
        // The numeric keypad on touch screens; Vaadin's text field has no property for it, so set it on its input.
        phone.getElement().executeJs("this.inputElement && this.inputElement.setAttribute('inputmode', 'tel')");
        phone.setHelperText(getTranslation("kiosk.who.phone.help"));
        var email = new EmailField(getTranslation("kiosk.who.email"));
        email.setId("kiosk-email");
        email.setAutocomplete(Autocomplete.OFF);
        var error = new Paragraph();
        error.addClassName("kiosk-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        var validate = new Button(getTranslation("kiosk.who.validate"));
        validate.setId("kiosk-validate");
        validate.addClassName("kiosk-primary");
        validate.addClickListener(e -> {
            touched();
            error.setVisible(false);
            boolean ok = check(first, v -> PersonName.of(v)) & check(last, v -> PersonName.of(v))
                    & checkOptional(phone, PhoneNumber::parse) & checkOptional(email, EmailAddress::of);
            if (ok && phone.getValue().isBlank() && email.getValue().isBlank()) {
                phone.setInvalid(true);
                phone.setErrorMessage(getTranslation("kiosk.who.contact-required"));
                ok = false;
            }
            if (!ok) {
                error.setText(getTranslation("kiosk.who.check"));
                error.setVisible(true);
                return;
            }
            try {
                submit.accept(new Who(first.getValue(), last.getValue(), phone.getValue(), email.getValue()));
            } catch (InvalidValueException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.arguments()));
                error.setVisible(true);
            }
        });
        Component what = chosenSession != null
                ? new Paragraph(getTranslation("kiosk.who.for-atelier", chosenSession.title(), FrenchDates.dayAndTime(chosenSession.start())))
                : new Paragraph(getTranslation("kiosk.who.for-appointment", chosenMotif.label(), FrenchDates.dayAndTime(chosenSlot.start())));
        var form = new Div(first, last, phone, email, validate);
        form.addClassName("kiosk-form");
        show(new H1(getTranslation("kiosk.who.title")), what, error, form);
        first.focus();
    }

    private void registerForAtelier(Who who) {
        // The seats shown may be minutes old: look again before saying "confirmed".
        SessionCard now = catalogue.session(chosenSession.id()).orElse(chosenSession);
        if (!chosenSession.full() && now.full()) {
            chosenSession = now;
            lastSeatGone(who);
            return;
        }
        register(who, chosenSession.full());
    }

    private void lastSeatGone(Who who) {
        back = this::chooseSession;
        var join = new Button(getTranslation("kiosk.full.join"), e -> register(who, true));
        join.setId("kiosk-join-waiting-list");
        join.addClassName("kiosk-primary");
        var other = new Button(getTranslation("kiosk.full.other"), e -> chooseSession());
        other.addClassName("kiosk-secondary");
        show(new H1(getTranslation("kiosk.full.title")), new Paragraph(getTranslation("kiosk.full.text", chosenSession.title())),
                new Div(join, other));
    }

    private void register(Who who, boolean acceptedWaitingList) {
        touched();
        var request = RegistrationRequest.simple(chosenSession.id(), who.firstName(), who.lastName(), blankToNull(who.email()),
                blankToNull(who.phone()), Channel.KIOSK).withChannel(Channel.KIOSK, Long.toString(device.id()));
        RegistrationResult result = registrations.register(request);
        switch (result) {
            case RegistrationResult.Confirmed confirmed -> done(getTranslation("kiosk.done.confirmed"),
                    getTranslation("kiosk.done.seats", confirmed.seats()), "inscription/" + confirmed.managementToken());
            case RegistrationResult.Waitlisted waitlisted -> done(getTranslation("kiosk.done.waitlisted", waitlisted.position()),
                    getTranslation(acceptedWaitingList ? "kiosk.done.waitlisted.text" : "kiosk.done.waitlisted.surprise"),
                    "inscription/" + waitlisted.managementToken());
            case RegistrationResult.AlreadyRegistered already -> message(getTranslation("kiosk.already.title"),
                    getTranslation("kiosk.already.text"));
            case RegistrationResult.Rejected rejected -> message(getTranslation("kiosk.refused.title"),
                    getTranslation(rejected.reasonKey(), rejected.arguments().toArray()));
        }
    }

    private void bookAppointment(Who who) {
        touched();
        var request = new BookingRequest(device.placeId(), chosenMotif.id(), chosenSlot.start(),
                who.firstName().strip() + " " + who.lastName().strip(), blankToNull(who.email()), blankToNull(who.phone()),
                true, null, null, fr.rdvnumerique.appointment.Channel.KIOSK, Long.toString(device.id()), null);
        BookingResult result = booking.book(request);
        switch (result) {
            case BookingResult.Booked booked -> done(getTranslation("kiosk.done.booked"),
                    getTranslation("kiosk.done.booked.text", booked.appointment().motifLabel()), "rendez-vous/" + booked.managementToken());
            case BookingResult.SlotTaken taken -> {
                var again = new Button(getTranslation("kiosk.slot-taken.again"), e -> chooseSlot(this::home));
                again.addClassName("kiosk-primary");
                show(new H1(getTranslation("kiosk.slot-taken.title")), new Paragraph(getTranslation(taken.messageKey())), again);
            }
            case BookingResult.Refused refused -> message(getTranslation("kiosk.refused.title"),
                    getTranslation(refused.messageKey(), refused.args()));
        }
    }

    /** Last screen: what, when, where, and a ticket to take away (printed, or a QR code for the phone). */
    private void done(String title, String detail, String privatePath) {
        back = null;
        String what;
        String when;
        String where;
        if (chosenSlot != null) {
            what = chosenMotif.label();
            when = FrenchDates.dayAndTime(chosenSlot.start());
            where = place.name() + " – " + place.fullAddress();
        } else {
            what = chosenSession.title();
            when = FrenchDates.dayAndTimeRange(chosenSession.start(), chosenSession.end());
            where = chosenSession.placeName() + " – " + chosenSession.placeAddress();
        }
        var summary = new Div(new H1(title), new Paragraph(detail), strong(what), new Paragraph(when), new Paragraph(where));
        summary.addClassName("kiosk-done");
        summary.setId("kiosk-ticket");
        String link = urls.of(privatePath);
        var qr = new Image(QrCodes.pngDataUrl(link, 480), getTranslation("kiosk.done.qr.alt"));
        var ticket = new Div(qr, new Paragraph(getTranslation("kiosk.done.qr")));
        ticket.addClassName("kiosk-ticket");
        var print = new Button(getTranslation("kiosk.done.print"), e -> {
            touched();
            getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()"));
        });
        print.setId("kiosk-print");
        print.addClassName("kiosk-secondary");
        var finish = new Button(getTranslation("kiosk.done.finish"), e -> startOver());
        finish.setId("kiosk-finish");
        finish.addClassName("kiosk-primary");
        var actions = new Div(print, finish);
        actions.addClassName("kiosk-nav");
        removeAll();
        add(summary, ticket, actions);
        touched();
    }

    private void message(String title, String text) {
        back = this::home;
        show(new H1(title), new Paragraph(text));
    }

    // --- Building blocks ----------------------------------------------------------------------------------

    /** A screen with "Retour" and "Recommencer" at the bottom. */
    private void show(Component... content) {
        removeAll();
        add(content);
        var backButton = new Button(getTranslation("kiosk.back"), e -> {
            touched();
            back.run();
        });
        backButton.setId("kiosk-back");
        backButton.addClassName("kiosk-secondary");
        var restart = new Button(getTranslation("kiosk.restart"), e -> startOver());
        restart.setId("kiosk-restart");
        restart.addClassName("kiosk-secondary");
        var nav = new Div(backButton, restart);
        nav.addClassName("kiosk-nav");
        add(nav);
        touched();
    }

    private void showWithoutNavigation(Component... content) {
        removeAll();
        add(content);
        touched();
    }

    private NativeButton card(String id, String title, String hint, com.vaadin.flow.component.ComponentEventListener<
            com.vaadin.flow.component.ClickEvent<NativeButton>> action) {
        var heading = new Span(title);
        heading.addClassName("kiosk-card-title");
        var button = new NativeButton();
        button.add(heading, new Span(hint));
        button.addClassName("kiosk-card");
        button.setId(id);
        button.addClickListener(e -> {
            touched();
            action.onComponentEvent(e);
        });
        return button;
    }

    private TextField field(String id, String label, boolean required) {
        var field = new TextField(label);
        field.setId(id);
        field.setMaxLength(PersonName.MAX_LENGTH);
        // A public screen: the browser must not suggest what the previous person typed.
        field.setAutocomplete(Autocomplete.OFF);
        field.setRequiredIndicatorVisible(required);
        return field;
    }

    private boolean check(TextField field, Consumer<String> rule) {
        try {
            rule.accept(field.getValue());
            field.setInvalid(false);
            return true;
        } catch (InvalidValueException e) {
            field.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            field.setInvalid(true);
            return false;
        }
    }

    private boolean checkOptional(com.vaadin.flow.component.textfield.TextFieldBase<?, String> field, Consumer<String> rule) {
        if (field.getValue() == null || field.getValue().isBlank()) {
            field.setInvalid(false);
            return true;
        }
        try {
            rule.accept(field.getValue());
            field.setInvalid(false);
            return true;
        } catch (BusinessRuleException e) {
            field.setErrorMessage(getTranslation(e.messageKey(), e.arguments()));
            field.setInvalid(true);
            return false;
        }
    }

    private static Paragraph strong(String text) {
        var p = new Paragraph(text);
        p.addClassName("kiosk-card-title");
        return p;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ParisTime.ZONE));
    }

    private Optional<KioskLayout> layout() {
        return findAncestor(KioskLayout.class) == null ? Optional.empty() : Optional.of(findAncestor(KioskLayout.class));
    }

    private void touched() {
        layout().ifPresent(KioskLayout::touched);
    }

    private void startOver() {
        layout().ifPresent(KioskLayout::startOver);
    }

    /** What the person typed on the third screen. */
    record Who(String firstName, String lastName, String phone, String email) {
    }
}
