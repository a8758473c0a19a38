package fr.rdvnumerique.kiosk.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.atelier.AtelierCatalogue;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.web.PublicUrls;
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
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The kiosk, one question per screen and at most four screens to register: what to do (home), which session
 * or which time ({@link KioskAtelierFlow}, {@link KioskAppointmentFlow}), who you are ({@link KioskWhoForm}), done
 * (with a ticket to print or a QR code to scan). The visitor's path lives in this view and its flows and nowhere
 * else, so starting over (a button, the idle watch, or the confirmation's own timer) forgets it all with the
 * session.
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

    private final KioskDevices devices;
    private final TerritoryDirectory directory;
    private final AtelierCatalogue catalogue;
    private final RegistrationService registrations;
    private final BookingService booking;
    private final PublicUrls urls;
    private final KioskSettings settings;
    private final Clock clock;

    private KioskDeviceRef device;
    private PlaceSummary place;
    private boolean switchedOff;
    /** What the visitor typed on the who-screen: kept only in this view, gone with the session. */
    private KioskWhoForm.Who typed = KioskWhoForm.Who.EMPTY;
    private Runnable back = () -> { };

    KioskView(KioskDevices devices, TerritoryDirectory directory, AtelierCatalogue catalogue,
              RegistrationService registrations, BookingService booking, PublicUrls urls, KioskSettings settings,
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
        add(new H1(getTranslation("kiosk.not-enrolled.title")), new Paragraph(getTranslation("kiosk.not-enrolled.text")),
                new com.vaadin.flow.component.html.Footer(fr.rdvnumerique.base.ui.LegalFooter.create()));
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
    private void notRegistered(boolean appointment) {
        device = null;
        layout().ifPresent(KioskLayout::stop);
        removeAll();
        removeClassName("kiosk-who");
        add(new H1(getTranslation(appointment ? "kiosk.not-booked.title" : "kiosk.not-registered.title")),
                new Paragraph(getTranslation(appointment ? "kiosk.not-booked.text" : "kiosk.not-registered.text")));
        getElement().executeJs("setTimeout(() => location.replace($0), $1)", ROUTE, settings.confirmationShown().toMillis());
        KioskLayout.endSession();
    }

    /** 1. What do you want to do? Only what can be done here and now is offered; each path starts afresh. */
    void home() {
        typed = KioskWhoForm.Who.EMPTY;
        back = () -> { };
        var ateliers = new KioskAtelierFlow(this, catalogue, registrations);
        var appointments = new KioskAppointmentFlow(this, booking);
        var cards = new Div();
        cards.addClassName("kiosk-cards");
        if (ateliers.available()) {
            cards.add(card("kiosk-atelier", getTranslation("kiosk.home.atelier"), e -> ateliers.chooseSession(0),
                    getTranslation("kiosk.home.atelier.hint")));
        }
        if (appointments.available()) {
            cards.add(card("kiosk-appointment", getTranslation("kiosk.home.appointment"),
                    e -> appointments.chooseAppointment(0), getTranslation("kiosk.home.appointment.hint")));
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

    /** 3. Who are you? The same form for both paths; {@code intro} says what it is for. */
    void who(Runnable previous, List<Component> intro, KioskWhoForm.Submit submit) {
        var form = new KioskWhoForm(typed, who -> typed = who, this::touched, submit);
        var content = new ArrayList<Component>();
        content.add(new H1(getTranslation("kiosk.who.title")));
        content.addAll(intro);
        content.add(form);
        directory.structure(place.structureId()).ifPresent(structure -> content.add(
                fr.rdvnumerique.base.ui.PrivacyNotice.of(structure.slug(), "legal.purpose.kiosk")));
        show(previous, content.toArray(Component[]::new));
        addClassName("kiosk-who");
        form.focus();
    }

    /** 4. Done: what, when, where, in whose name, and a ticket to take away (printed, or a QR code). */
    void done(String title, String detail, KioskWhoForm.Who who, Ticket ticket) {
        back = () -> { };
        var heading = new H1(title);
        var summary = new Div(heading, new Paragraph(detail), strong(ticket.what()), new Paragraph(ticket.when()),
                new Paragraph(ticket.where()),
                new Paragraph(getTranslation("kiosk.done.name", who.firstName().strip() + " " + who.lastName().strip())));
        summary.addClassName("kiosk-done");
        summary.setId("kiosk-ticket");
        var qr = new Image(QrCodes.pngDataUrl(urls.of(ticket.privatePath()), 480), getTranslation(ticket.qrKey() + ".alt"));
        qr.setId("kiosk-qr");
        var code = new Div(qr, new Paragraph(getTranslation(ticket.qrKey())));
        code.addClassName("kiosk-ticket");
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
        var both = new Div(summary, code);
        both.addClassName("kiosk-done-grid");
        removeAll();
        removeClassName("kiosk-who");
        add(both, erased, actions);
        layout().ifPresent(KioskLayout::confirmationShown);
    }

    /**
     * What the ticket says: the activity, when and where, and the private link behind the QR code.
     *
     * @param qrKey the sentence under the QR code (its {@code .alt} key describes the image)
     */
    record Ticket(String what, String when, String where, String privatePath, String qrKey) {
    }

    void message(String title, String text, Runnable previous) {
        show(previous, new H1(title), new Paragraph(text));
    }

    /**
     * Asked again before saving anything: a screen revoked or switched off by staff stops at once (not at its next
     * page load), and the person is told they are not registered (or their appointment not booked).
     */
    boolean stillEnrolled(boolean forAppointment) {
        if (KioskDeviceCookie.current(devices) instanceof KioskAccess.InService now && now.device().id() == device.id()) {
            return true;
        }
        notRegistered(forAppointment);
        return false;
    }

    // --- Building blocks ----------------------------------------------------------------------------------

    /**
     * A step of the path, with "Retour" (to {@code previous}) and "Recommencer" in a bar at the top: always in the
     * same place and in sight without scrolling, in both orientations, and never under the system keyboard.
     */
    void show(Runnable previous, Component... content) {
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

    NativeButton card(String id, String title, ComponentEventListener<ClickEvent<NativeButton>> action, String... lines) {
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
    static List<List<FreeSlot>> byDay(List<FreeSlot> slots) {
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
    Div times(List<List<FreeSlot>> days, Consumer<FreeSlot> choose) {
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
    Button more(String id, String text, Runnable action) {
        var button = new Button(text, e -> {
            touched();
            action.run();
        });
        button.setId(id);
        button.addClassName("kiosk-secondary");
        button.addClassName("kiosk-more");
        return button;
    }

    private static Paragraph strong(String text) {
        var p = new Paragraph(text);
        p.addClassName("kiosk-card-title");
        return p;
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    KioskDeviceRef device() {
        return device;
    }

    /** Where this kiosk's requests come from: the rate limit counts them per kiosk. */
    Origin origin() {
        return Origin.kiosk(Long.toString(device.id()));
    }

    PlaceSummary place() {
        return place;
    }

    KioskSettings settings() {
        return settings;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ParisTime.ZONE));
    }

    private Optional<KioskLayout> layout() {
        return Optional.ofNullable(findAncestor(KioskLayout.class));
    }

    void touched() {
        layout().ifPresent(KioskLayout::touched);
    }

    void startOver() {
        layout().ifPresent(KioskLayout::startOver);
    }
}
