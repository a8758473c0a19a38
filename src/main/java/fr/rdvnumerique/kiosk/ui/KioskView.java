package fr.rdvnumerique.kiosk.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.Autocapitalize;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
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
import fr.rdvnumerique.atelier.AtelierCatalogue;
import fr.rdvnumerique.atelier.Channel;
import fr.rdvnumerique.atelier.RegistrationRequest;
import fr.rdvnumerique.atelier.RegistrationResult;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.SessionCard;
import fr.rdvnumerique.atelier.SessionFilter;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.ui.Fields;
import fr.rdvnumerique.base.web.PublicUrls;
import fr.rdvnumerique.base.web.ResidentPaths;
import fr.rdvnumerique.base.web.QrCodes;
import fr.rdvnumerique.kiosk.KioskSettings;
import fr.rdvnumerique.territory.KioskAccess;
import fr.rdvnumerique.territory.KioskDeviceRef;
import fr.rdvnumerique.territory.KioskDevices;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The kiosk, one question per screen and at most four screens to register: what to do (home), which session
 * or which time (the reason for an appointment, when there are several, is chosen on that same screen), who
 * you are, done (with a ticket to print or a QR code to scan). Everything lives in this view and nowhere else,
 * so starting over (a button, the idle watch, or the confirmation's own timer) forgets it all with the session.
 *
 * <p>"Retour" and "Recommencer" are on every step. Two screens go without on purpose: the home screen (it is
 * where both lead) and the confirmation, whose "J'ai terminé" starts over — there is no step to go back to once
 * the registration is made, and a way back to the form would only invite a duplicate.
 */
@Route(value = KioskView.ROUTE, layout = KioskLayout.class, autoLayout = false)
@AnonymousAllowed
class KioskView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "kiosk";

    /** How often a paused screen looks whether it was switched on again. */
    private static final Duration PAUSED_RECHECK = Duration.ofMinutes(5);

    /** Service errors about a value, and the field they are said next to. */
    private static final Map<String, String> FIELD_OF_ERROR = Map.of(
            "validation.phone", "kiosk-phone",
            "validation.email", "kiosk-email",
            "validation.contact.required", "kiosk-phone");

    /** Marks the sentence that names the fields to correct (not a sentence from the service). */
    private static final String LISTS_FIELDS = "data-lists-fields";

    private final KioskDevices devices;
    private final TerritoryDirectory directory;
    private final AtelierCatalogue catalogue;
    private final RegistrationService registrations;
    private final AppointmentBooking booking;
    private final PublicUrls urls;
    private final KioskSettings settings;
    private final Clock clock;

    private KioskDeviceRef device;
    private PlaceSummary place;
    private boolean switchedOff;
    // The visitor's path: kept only in this view, gone with the session.
    private SessionCard chosenSession;
    private boolean waitingListChosen;
    private MotifSummary chosenMotif;
    private FreeSlot chosenSlot;
    private Who typed = Who.EMPTY;
    private Runnable back = () -> { };

    KioskView(KioskDevices devices, TerritoryDirectory directory, AtelierCatalogue catalogue,
              RegistrationService registrations, AppointmentBooking booking, PublicUrls urls, KioskSettings settings,
              Clock clock) {
        this.devices = devices;
        this.directory = directory;
        this.catalogue = catalogue;
        this.registrations = registrations;
        this.booking = booking;
        this.urls = urls;
        this.settings = settings;
        this.clock = clock;
        addClassName("kiosk-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        KioskAccess access = KioskDeviceCookie.current(devices);
        switchedOff = access instanceof KioskAccess.SwitchedOff;
        device = access instanceof KioskAccess.InService inService ? inService.device() : null;
        place = device == null ? null : directory.place(device.placeId()).orElse(null);
        if (place == null) {
            device = null;
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (switchedOff) {
            switchedOff();
        } else if (device == null) {
            notEnrolled();
        } else {
            layout().ifPresent(l -> l.start(getTranslation("kiosk.title.place", place.name())));
            home();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("kiosk.title"));
    }

    // --- Screens ------------------------------------------------------------------------------------------

    /** A browser that is not (or no longer) a kiosk: a short explanation, nothing to touch. */
    private void notEnrolled() {
        device = null;
        layout().ifPresent(KioskLayout::stop);
        removeAll();
        add(new H1(getTranslation("kiosk.not-enrolled.title")), new Paragraph(getTranslation("kiosk.not-enrolled.text")));
    }

    /**
     * Still enrolled, but its place, commune or structure is switched off: no registration, and a look every few
     * minutes, so the screen comes back by itself when staff switch it on again.
     */
    private void switchedOff() {
        device = null;
        layout().ifPresent(KioskLayout::stop);
        removeAll();
        add(new H1(getTranslation("kiosk.switched-off.title")), new Paragraph(getTranslation("kiosk.switched-off.text")));
        getElement().executeJs("setTimeout(() => location.reload(), $0)", PAUSED_RECHECK.toMillis());
    }

    /**
     * The screen was revoked or switched off while someone was registering: say plainly that nothing was saved and
     * whom to ask. The message stays for them to read, the session (what they typed) ends now, then the page loads
     * again and shows why the screen no longer registers.
     */
    private void notRegistered() {
        boolean appointment = chosenSlot != null;
        device = null;
        layout().ifPresent(KioskLayout::stop);
        removeAll();
        removeClassName("kiosk-who");
        add(new H1(getTranslation(appointment ? "kiosk.not-booked.title" : "kiosk.not-registered.title")),
                new Paragraph(getTranslation(appointment ? "kiosk.not-booked.text" : "kiosk.not-registered.text")));
        getElement().executeJs("setTimeout(() => location.replace($0), $1)", ROUTE, settings.confirmationShown().toMillis());
        KioskLayout.endSession();
    }

    /** 1. What do you want to do? Only what can be done here and now is offered. */
    void home() {
        chosenSession = null;
        waitingListChosen = false;
        chosenMotif = null;
        chosenSlot = null;
        typed = Who.EMPTY;
        back = () -> { };
        var cards = new Div();
        cards.addClassName("kiosk-cards");
        if (!openSessions().isEmpty()) {
            cards.add(card("kiosk-atelier", getTranslation("kiosk.home.atelier"), e -> chooseSession(0),
                    getTranslation("kiosk.home.atelier.hint")));
        }
        if (!bookableMotifs().isEmpty()) {
            cards.add(card("kiosk-appointment", getTranslation("kiosk.home.appointment"), e -> chooseAppointment(0),
                    getTranslation("kiosk.home.appointment.hint")));
        }
        var help = new Paragraph(getTranslation("kiosk.home.help"));
        help.addClassName("kiosk-help");
        removeAll();
        if (cards.getComponentCount() == 0) {
            add(new H1(getTranslation("kiosk.home.nothing")), help);
        } else {
            add(new H1(getTranslation("kiosk.home.title")), cards, help);
        }
        layout().ifPresent(KioskLayout::idleAtHome);
    }

    /** 2. Which session? At this place first, then elsewhere on the territory, a page of big cards at a time. */
    private void chooseSession(int page) {
        chosenSession = null;
        List<SessionCard> sessions = openSessions();
        if (sessions.isEmpty()) {
            message(getTranslation("kiosk.sessions.none"), getTranslation("kiosk.home.help"), this::home);
            return;
        }
        int perPage = settings.cardsPerPage();
        int last = (sessions.size() - 1) / perPage;
        int shown = Math.min(page, last);
        var content = new ArrayList<Component>();
        content.add(new H1(getTranslation("kiosk.sessions.title")));
        Div group = null;
        Boolean groupHere = null;
        for (SessionCard session : sessions.subList(shown * perPage, Math.min(sessions.size(), (shown + 1) * perPage))) {
            boolean here = session.placeId() == device.placeId();
            if (groupHere == null || groupHere != here) {
                var heading = new H2(here ? getTranslation("kiosk.sessions.here.heading", place.name())
                        : getTranslation("kiosk.sessions.elsewhere.heading"));
                heading.setId(here ? "kiosk-here" : "kiosk-elsewhere");
                group = new Div();
                group.addClassName("kiosk-cards");
                content.add(heading);
                content.add(group);
                groupHere = here;
            }
            group.add(sessionCard(session, shown));
        }
        if (shown < last) {
            content.add(more("kiosk-more-sessions", getTranslation("kiosk.sessions.more"), () -> chooseSession(shown + 1)));
        }
        show(shown == 0 ? this::home : () -> chooseSession(shown - 1), content.toArray(Component[]::new));
    }

    private Component sessionCard(SessionCard session, int page) {
        String where = session.placeId() == device.placeId()
                ? getTranslation("kiosk.sessions.here", session.placeName())
                : getTranslation("kiosk.sessions.elsewhere", session.communeName(), session.placeName());
        var button = card("kiosk-session-" + session.id(), session.title(), e -> {
            chosenSession = session;
            waitingListChosen = session.full();
            who(() -> chooseSession(page));
        }, capitalised(FrenchDates.dayAndTimeRange(session.start(), session.end())), where,
                getTranslation("kiosk.sessions.level", getTranslation(session.level().labelKey())));
        var seats = new Span(session.full() ? getTranslation("kiosk.sessions.full")
                : getTranslation("kiosk.sessions.seats", session.seatsLeft()));
        seats.addClassNames(session.full() ? new String[] {"kiosk-seats", "full"} : new String[] {"kiosk-seats"});
        button.add(seats);
        if (session.full()) {
            button.addClassName("full");
        }
        return button;
    }

    /**
     * 2. When? The reason for the appointment, when the place offers several, is chosen on this same screen
     * (big buttons above the times), so an appointment takes four screens too.
     */
    private void chooseAppointment(int page) {
        chosenSlot = null;
        List<MotifSummary> motifs = bookableMotifs();
        if (motifs.isEmpty()) {
            message(getTranslation("kiosk.appointment.none"), getTranslation("kiosk.home.help"), this::home);
            return;
        }
        if (motifs.size() == 1) {
            chosenMotif = motifs.getFirst();
        } else if (chosenMotif != null && motifs.stream().noneMatch(m -> m.id() == chosenMotif.id())) {
            chosenMotif = null;
        }
        var content = new ArrayList<Component>();
        content.add(new H1(getTranslation("kiosk.appointment.title")));
        if (motifs.size() > 1) {
            content.add(new H2(getTranslation("kiosk.appointment.motif")));
            var choices = new Div();
            choices.addClassName("kiosk-choices");
            for (MotifSummary motif : motifs) {
                var choice = new NativeButton();
                var label = new Span(motif.label());
                label.addClassName("kiosk-card-title");
                choice.add(label, new Span(getTranslation("kiosk.appointment.duration", motif.durationMinutes())));
                choice.addClassName("kiosk-choice");
                choice.setId("kiosk-motif-" + motif.id());
                boolean selected = chosenMotif != null && chosenMotif.id() == motif.id();
                choice.getElement().setAttribute("aria-pressed", Boolean.toString(selected));
                choice.addClickListener(e -> {
                    touched();
                    chosenMotif = motif;
                    chooseAppointment(0);
                    getElement().executeJs("const s = this.querySelector('#kiosk-slots'); s && s.scrollIntoView({block: 'start'})");
                });
                choices.add(choice);
            }
            content.add(choices);
        } else {
            content.add(new Paragraph(getTranslation("kiosk.appointment.only", chosenMotif.label(), chosenMotif.durationMinutes())));
        }
        int shown = 0;
        if (chosenMotif != null) {
            // A page is a few days, each with its free times as big buttons: "Voir d'autres jours" for the next.
            List<List<FreeSlot>> days = byDay(slotsOf(chosenMotif));
            int perPage = settings.daysPerPage();
            int last = Math.max(0, (days.size() - 1) / perPage);
            shown = Math.min(page, last);
            int slotPage = shown;
            if (days.isEmpty()) {
                content.add(new Paragraph(getTranslation("kiosk.appointment.no-slot")));
            } else {
                var when = new H2(getTranslation("kiosk.appointment.slot"));
                when.setId("kiosk-slots");
                content.add(when);
                content.add(times(days.subList(shown * perPage, Math.min(days.size(), (shown + 1) * perPage)), slot -> {
                    chosenSlot = slot;
                    who(() -> chooseAppointment(slotPage));
                }));
            }
            if (shown < last) {
                content.add(more("kiosk-more-slots", getTranslation("kiosk.appointment.more"), () -> chooseAppointment(slotPage + 1)));
            }
        }
        int current = shown;
        show(current == 0 ? this::home : () -> chooseAppointment(current - 1), content.toArray(Component[]::new));
    }

    /** 3. Who are you? A single "Valider"; each mistake said next to its field and named in one sentence. */
    private void who(Runnable previous) {
        var first = field("kiosk-first-name", getTranslation("kiosk.who.first-name"), typed.firstName());
        first.setAutocapitalize(Autocapitalize.WORDS);
        var last = field("kiosk-last-name", getTranslation("kiosk.who.last-name"), typed.lastName());
        last.setAutocapitalize(Autocapitalize.WORDS);
        var phone = field("kiosk-phone", getTranslation("kiosk.who.phone"), typed.phone());
        // The telephone keypad on touch screens; Vaadin's text field has no property for it, so set it on its input.
        phone.getElement().executeJs("this.inputElement && this.inputElement.setAttribute('inputmode', 'tel')");
        phone.setHelperText(getTranslation("kiosk.who.phone.help"));
        var email = Fields.email(getTranslation("kiosk.who.email"));
        email.setId("kiosk-email");
        email.setAutocomplete(Autocomplete.OFF);
        email.setHelperText(getTranslation("kiosk.who.email.help"));
        email.setValue(typed.email());
        email.setRequiredIndicatorVisible(false);
        first.setRequiredIndicatorVisible(true);
        last.setRequiredIndicatorVisible(true);
        first.addValueChangeListener(e -> typed = typed.withFirstName(e.getValue()));
        last.addValueChangeListener(e -> typed = typed.withLastName(e.getValue()));
        phone.addValueChangeListener(e -> typed = typed.withPhone(e.getValue()));
        email.addValueChangeListener(e -> typed = typed.withEmail(e.getValue()));

        var error = errorParagraph("kiosk-who-error");
        var validate = new Button(getTranslation("kiosk.who.validate"));
        validate.setId("kiosk-validate");
        validate.addClassName("kiosk-primary");
        var fields = new LinkedHashMap<String, TextFieldBase<?, String>>();
        fields.put(first.getId().orElseThrow(), first);
        fields.put(last.getId().orElseThrow(), last);
        fields.put(phone.getId().orElseThrow(), phone);
        fields.put(email.getId().orElseThrow(), email);
        // A corrected field loses its message at once (the field's own validation clears it as the value
        // changes); the sentence then names only the fields still to look at, and goes with the last one.
        fields.values().forEach(field -> field.addValueChangeListener(e -> {
            field.setInvalid(false);
            if (error.isVisible() && error.getElement().hasAttribute(LISTS_FIELDS)) {
                if (sayWhichFields(fields, error, false)) {
                    error.setVisible(false);
                }
            }
        }));
        validate.addClickListener(e -> {
            touched();
            error.setVisible(false);
            fields.values().forEach(f -> f.setInvalid(false));
            Fields.check(first, () -> PersonName.of(first.getValue()));
            Fields.check(last, () -> PersonName.of(last.getValue()));
            if (!phone.getValue().isBlank()) {
                Fields.check(phone, () -> PhoneNumber.parse(phone.getValue()));
            }
            if (!email.getValue().isBlank()) {
                Fields.check(email, () -> EmailAddress.of(email.getValue()));
            }
            if (!phone.isInvalid() && !email.isInvalid() && phone.getValue().isBlank() && email.getValue().isBlank()) {
                phone.setErrorMessage(getTranslation("kiosk.who.phone.required"));
                phone.setInvalid(true);
            }
            if (!sayWhichFields(fields, error, true)) {
                return;
            }
            var who = new Who(first.getValue(), last.getValue(), phone.getValue(), email.getValue());
            typed = who;
            try {
                if (chosenSlot != null) {
                    bookAppointment(who);
                } else {
                    registerForAtelier(who);
                }
            } catch (InvalidValueException ex) {
                var field = fields.get(FIELD_OF_ERROR.get(ex.messageKey()));
                if (field == null) {
                    say(error, getTranslation(ex.messageKey(), ex.arguments()));
                } else {
                    field.setErrorMessage(getTranslation(fieldMessageKey(ex.messageKey()), ex.arguments()));
                    field.setInvalid(true);
                    sayWhichFields(fields, error, true);
                }
            } catch (BusinessRuleException ex) {
                say(error, getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        // The keyboard's "Entrée" key validates too.
        var form = new Div(first, last, phone, email, validate);
        form.addClassName("kiosk-form");
        form.setId("kiosk-form");
        validate.addClickShortcut(Key.ENTER).listenOn(form);
        keepValidateAboveTheKeyboard(form);

        var content = new ArrayList<Component>();
        content.add(new H1(getTranslation("kiosk.who.title")));
        content.add(new Paragraph(chosenSlot != null
                ? getTranslation("kiosk.who.for-appointment", chosenMotif.label(), FrenchDates.dayAndTime(chosenSlot.start()))
                : getTranslation("kiosk.who.for-atelier", chosenSession.title(), FrenchDates.dayAndTime(chosenSession.start()))));
        if (chosenSlot == null && waitingListChosen) {
            var notice = new Paragraph(getTranslation("kiosk.who.waiting-list"));
            notice.addClassName("kiosk-notice");
            notice.setId("kiosk-waiting-list-notice");
            content.add(notice);
        }
        content.add(error);
        content.add(form);
        show(previous, content.toArray(Component[]::new));
        addClassName("kiosk-who");
        first.focus();
    }

    private void registerForAtelier(Who who) {
        if (!stillEnrolled()) {
            return;
        }
        // A free seat was shown: ask for a seat only. Under the session's lock the atelier module refuses rather
        // than put the person on a waiting list they did not ask for; they are then asked (lastSeatGone).
        var request = RegistrationRequest.simple(chosenSession.id(), who.firstName(), who.lastName(), blankToNull(who.email()),
                        blankToNull(who.phone()), Channel.KIOSK)
                .withChannel(Channel.KIOSK, Long.toString(device.id()))
                .acceptingWaitingList(waitingListChosen);
        switch (registrations.register(request)) {
            case RegistrationResult.Confirmed confirmed -> done(getTranslation("kiosk.done.confirmed"),
                    getTranslation("kiosk.done.seats", confirmed.seats()), who, ResidentPaths.registration(confirmed.managementToken()));
            case RegistrationResult.Waitlisted waitlisted -> done(getTranslation("kiosk.done.waitlisted", waitlisted.position()),
                    getTranslation("kiosk.done.waitlisted.text"), who, ResidentPaths.registration(waitlisted.managementToken()));
            case RegistrationResult.AlreadyRegistered already -> message(getTranslation("kiosk.already.title"),
                    getTranslation("kiosk.already.text"), () -> who(() -> chooseSession(0)));
            case RegistrationResult.Rejected rejected when "atelier.registration.refused.no-seat".equals(rejected.reasonKey())
                    && !waitingListChosen -> lastSeatGone(who);
            case RegistrationResult.Rejected rejected -> message(getTranslation("kiosk.refused.title"),
                    getTranslation(rejected.reasonKey(), rejected.arguments().toArray()), () -> chooseSession(0));
        }
    }

    /** The seat shown went while the person typed: say so kindly, and let them choose the waiting list. */
    private void lastSeatGone(Who who) {
        var error = errorParagraph("kiosk-full-error");
        var join = new Button(getTranslation("kiosk.full.join"), e -> {
            touched();
            waitingListChosen = true;
            try {
                registerForAtelier(who);
            } catch (BusinessRuleException ex) {
                say(error, getTranslation(ex.messageKey(), ex.arguments()));
            }
        });
        join.setId("kiosk-join-waiting-list");
        join.addClassName("kiosk-primary");
        var other = new Button(getTranslation("kiosk.full.other"), e -> chooseSession(0));
        other.setId("kiosk-other-atelier");
        other.addClassName("kiosk-secondary");
        var choices = new Div(join, other);
        choices.addClassName("kiosk-actions");
        show(() -> who(() -> chooseSession(0)), new H1(getTranslation("kiosk.full.title")),
                new Paragraph(getTranslation("kiosk.full.text", chosenSession.title())), error, choices);
    }

    private void bookAppointment(Who who) {
        if (!stillEnrolled()) {
            return;
        }
        var request = new BookingRequest(device.placeId(), chosenMotif.id(), chosenSlot.start(),
                who.firstName().strip() + " " + who.lastName().strip(), blankToNull(who.email()), blankToNull(who.phone()),
                true, null, null, fr.rdvnumerique.appointment.Channel.KIOSK, Long.toString(device.id()), null);
        switch (booking.book(request)) {
            case BookingResult.Booked booked -> done(getTranslation("kiosk.done.booked"),
                    getTranslation("kiosk.done.booked.text"), who,
                    ResidentPaths.appointment(booked.managementToken()));
            case BookingResult.SlotTaken taken -> slotTaken(taken);
            case BookingResult.Refused refused when FIELD_OF_ERROR.containsKey(refused.messageKey()) ->
                    throw new InvalidValueException(refused.messageKey(), refused.args());
            // "Busy, try again": said on the form, which keeps what was typed.
            case BookingResult.Refused refused when refused.messageKey().startsWith("error.") ->
                    throw new BusinessRuleException(refused.messageKey(), refused.args());
            case BookingResult.Refused refused -> message(getTranslation("kiosk.refused.title"),
                    getTranslation(refused.messageKey(), refused.args()), () -> chooseAppointment(0));
        }
    }

    /** Someone took the time meanwhile: the other free times of that day, then the form again, still filled in. */
    private void slotTaken(BookingResult.SlotTaken taken) {
        var content = new ArrayList<Component>();
        content.add(new H1(getTranslation("kiosk.slot-taken.title")));
        content.add(new Paragraph(getTranslation(taken.messageKey())));
        if (!taken.freeSlots().isEmpty()) {
            content.add(new H2(getTranslation("kiosk.slot-taken.same-day")));
            content.add(times(byDay(taken.freeSlots()), slot -> {
                chosenSlot = slot;
                who(() -> chooseAppointment(0));
            }));
        }
        content.add(more("kiosk-other-day", getTranslation("kiosk.slot-taken.again"), () -> chooseAppointment(0)));
        show(() -> chooseAppointment(0), content.toArray(Component[]::new));
    }

    /** 4. Done: what, when, where, in whose name, and a ticket to take away (printed, or a QR code). */
    private void done(String title, String detail, Who who, String privatePath) {
        back = () -> { };
        String what;
        String when;
        String where;
        if (chosenSlot != null) {
            what = chosenMotif.label();
            when = capitalised(FrenchDates.dayAndTime(chosenSlot.start()));
            where = place.name() + " – " + place.fullAddress();
        } else {
            what = chosenSession.title();
            when = capitalised(FrenchDates.dayAndTimeRange(chosenSession.start(), chosenSession.end()));
            where = chosenSession.placeName() + " – " + chosenSession.placeAddress();
        }
        var heading = new H1(title);
        var summary = new Div(heading, new Paragraph(detail), strong(what), new Paragraph(when), new Paragraph(where),
                new Paragraph(getTranslation("kiosk.done.name", who.firstName().strip() + " " + who.lastName().strip())));
        summary.addClassName("kiosk-done");
        summary.setId("kiosk-ticket");
        String qrKey = chosenSlot != null ? "kiosk.done.qr.appointment" : "kiosk.done.qr";
        var qr = new Image(QrCodes.pngDataUrl(urls.of(privatePath), 480), getTranslation(qrKey + ".alt"));
        qr.setId("kiosk-qr");
        var ticket = new Div(qr, new Paragraph(getTranslation(qrKey)));
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
        var erased = new Paragraph(getTranslation("kiosk.done.erased",
                settings.confirmationShown().plus(settings.idleGrace()).toSeconds()));
        erased.addClassName("kiosk-no-print");
        var both = new Div(summary, ticket);
        both.addClassName("kiosk-done-grid");
        removeAll();
        removeClassName("kiosk-who");
        add(both, erased, actions);
        layout().ifPresent(KioskLayout::confirmationShown);
    }

    private void message(String title, String text, Runnable previous) {
        show(previous, new H1(title), new Paragraph(text));
    }

    /**
     * Asked again before saving anything: a screen revoked or switched off by staff stops at once (not at its next
     * page load), and the person is told they are not registered.
     */
    private boolean stillEnrolled() {
        if (KioskDeviceCookie.current(devices) instanceof KioskAccess.InService now && now.device().id() == device.id()) {
            return true;
        }
        notRegistered();
        return false;
    }

    // --- Building blocks ----------------------------------------------------------------------------------

    /**
     * A step of the path, with "Retour" (to {@code previous}) and "Recommencer" in a bar at the top: always in the
     * same place and in sight without scrolling, in both orientations, and never under the system keyboard.
     */
    private void show(Runnable previous, Component... content) {
        back = previous;
        removeAll();
        removeClassName("kiosk-who");
        var backButton = new Button(getTranslation("kiosk.back"), VaadinIcon.ARROW_LEFT.create(), e -> {
            touched();
            back.run();
        });
        backButton.setId("kiosk-back");
        backButton.addClassName("kiosk-secondary");
        var restart = new Button(getTranslation("kiosk.restart"), e -> startOver());
        restart.setId("kiosk-restart");
        restart.addClassName("kiosk-secondary");
        var nav = new Nav(backButton, restart);
        nav.addClassName("kiosk-steps");
        nav.getElement().setAttribute("aria-label", getTranslation("kiosk.steps"));
        add(nav);
        add(content);
        layout().ifPresent(KioskLayout::working);
    }

    private NativeButton card(String id, String title, ComponentEventListener<ClickEvent<NativeButton>> action,
                              String... lines) {
        var heading = new Span(title);
        heading.addClassName("kiosk-card-title");
        var button = new NativeButton();
        button.add(heading);
        for (String line : lines) {
            button.add(new Span(line));
        }
        button.addClassName("kiosk-card");
        button.setId(id);
        button.addClickListener(e -> {
            touched();
            action.onComponentEvent(e);
        });
        return button;
    }

    /** Free times, grouped by day (already in order). */
    private static List<List<FreeSlot>> byDay(List<FreeSlot> slots) {
        var days = new LinkedHashMap<LocalDate, List<FreeSlot>>();
        for (FreeSlot slot : slots) {
            days.computeIfAbsent(slot.day(), d -> new ArrayList<>()).add(slot);
        }
        return List.copyOf(days.values());
    }

    /**
     * Each day as a heading ("Mardi 1er décembre") and its times as big buttons ("10 h 00"); a screen reader
     * hears the day with the time.
     */
    private Div times(List<List<FreeSlot>> days, Consumer<FreeSlot> choose) {
        var all = new Div();
        all.addClassName("kiosk-days");
        for (List<FreeSlot> day : days) {
            var heading = new H3(capitalised(FrenchDates.dayWithoutYear(day.getFirst().day())));
            var row = new Div();
            row.addClassName("kiosk-times");
            for (FreeSlot slot : day) {
                var time = new NativeButton(FrenchDates.time(slot.start().atZone(ParisTime.ZONE).toLocalTime()));
                time.setId("kiosk-slot-" + slot.start().getEpochSecond());
                time.addClassName("kiosk-time");
                time.getElement().setAttribute("aria-label", capitalised(FrenchDates.dayAndTime(slot.start())));
                time.addClickListener(e -> {
                    touched();
                    choose.accept(slot);
                });
                row.add(time);
            }
            all.add(heading, row);
        }
        return all;
    }

    /** "Autres dates": a big button to the next page, below the cards. */
    private Button more(String id, String text, Runnable action) {
        var button = new Button(text, e -> {
            touched();
            action.run();
        });
        button.setId(id);
        button.addClassName("kiosk-secondary");
        button.addClassName("kiosk-more");
        return button;
    }

    private TextField field(String id, String label, String value) {
        var field = new TextField(label);
        field.setId(id);
        field.setMaxLength(PersonName.MAX_LENGTH);
        // A public screen: the browser must not suggest what the previous person typed.
        field.setAutocomplete(Autocomplete.OFF);
        field.setValue(value);
        return field;
    }

    /**
     * On a touch screen the system keyboard covers the lower part of the screen: a field that gets the focus
     * is brought to the top, so it and the "Valider" button below it stay in sight (also when the keyboard
     * resizes the visible area).
     */
    private static void keepValidateAboveTheKeyboard(Div form) {
        form.getElement().executeJs("""
                const form = this;
                const reveal = () => {
                  const active = document.activeElement;
                  const field = active && active.closest && active.closest('vaadin-text-field, vaadin-email-field');
                  const validate = form.querySelector('#kiosk-validate');
                  if (!field || !validate || !form.isConnected || !form.contains(field)) {
                    return;
                  }
                  const view = window.visualViewport;
                  const top = (view ? view.offsetTop : 0) + 16;
                  const bottom = (view ? view.offsetTop + view.height : window.innerHeight) - 16;
                  const f = field.getBoundingClientRect();
                  const v = validate.getBoundingClientRect();
                  if (f.top >= top && v.bottom <= bottom) {
                    return;
                  }
                  // Down just enough to show the button, never past the field's top (the field comes first).
                  window.scrollBy({top: Math.min(v.bottom - bottom, f.top - top)});
                };
                form.addEventListener('focusin', () => setTimeout(reveal, 250));
                if (window.visualViewport) {
                  if (window.rdvKioskReveal) { window.visualViewport.removeEventListener('resize', window.rdvKioskReveal); }
                  window.rdvKioskReveal = reveal;
                  window.visualViewport.addEventListener('resize', reveal);
                }""");
    }

    private Paragraph errorParagraph(String id) {
        var error = new Paragraph();
        error.setId(id);
        error.addClassName("kiosk-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        return error;
    }

    private static void say(Paragraph error, String text) {
        error.setText(text);
        error.getElement().removeAttribute(LISTS_FIELDS);
        error.setVisible(true);
    }

    /**
     * The sentence above the form names the fields to look at (not "what is in red"): "Il faut compléter ou
     * corriger : votre nom et votre numéro de téléphone." Focus goes to the first of them.
     *
     * @return true when every field is right
     */
    private boolean sayWhichFields(Map<String, TextFieldBase<?, String>> fields, Paragraph error, boolean focus) {
        List<TextFieldBase<?, String>> wrong = fields.values().stream().filter(TextFieldBase::isInvalid).toList();
        if (wrong.isEmpty()) {
            return true;
        }
        List<String> names = wrong.stream().map(f -> getTranslation("kiosk.who.field." + f.getId().orElseThrow())).toList();
        String list = names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + getTranslation("kiosk.who.and") + names.getLast();
        say(error, getTranslation("kiosk.who.check", list));
        error.getElement().setAttribute(LISTS_FIELDS, true);
        if (focus) {
            wrong.getFirst().focus();
        }
        return false;
    }

    private static String fieldMessageKey(String key) {
        return "validation.contact.required".equals(key) ? "kiosk.who.phone.required" : key;
    }

    private List<SessionCard> openSessions() {
        // To = null: as far ahead as the public list (rdv.atelier.list-weeks); this place's sessions come first.
        return catalogue.upcoming(device.structureId(), new SessionFilter(null, null, null, null, false, null, null,
                null, device.placeId())).stream().filter(SessionCard::registrationOpen).toList();
    }

    /** Reasons for an appointment offered here that still have a free time within their horizon. */
    private List<MotifSummary> bookableMotifs() {
        return booking.motifsAt(device.placeId()).stream().filter(m -> !slotsOf(m).isEmpty()).toList();
    }

    private List<FreeSlot> slotsOf(MotifSummary motif) {
        return booking.freeSlots(device.placeId(), motif.id(), today(), today().plusDays(motif.horizonDays()));
    }

    private static Paragraph strong(String text) {
        var p = new Paragraph(text);
        p.addClassName("kiosk-card-title");
        return p;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ParisTime.ZONE));
    }

    private Optional<KioskLayout> layout() {
        return Optional.ofNullable(findAncestor(KioskLayout.class));
    }

    private void touched() {
        layout().ifPresent(KioskLayout::touched);
    }

    private void startOver() {
        layout().ifPresent(KioskLayout::startOver);
    }

    /** What the person typed on the third screen. */
    record Who(String firstName, String lastName, String phone, String email) {

        static final Who EMPTY = new Who("", "", "", "");

        Who withFirstName(String value) {
            return new Who(value, lastName, phone, email);
        }

        Who withLastName(String value) {
            return new Who(firstName, value, phone, email);
        }

        Who withPhone(String value) {
            return new Who(firstName, lastName, value, email);
        }

        Who withEmail(String value) {
            return new Who(firstName, lastName, phone, value);
        }
    }
}
