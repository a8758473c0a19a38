package fr.rdvnumerique.appointment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.appointment.MotifSummary;
import fr.rdvnumerique.appointment.domain.Appointment;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.ui.ContactFields;
import fr.rdvnumerique.base.ui.Downloads;
import fr.rdvnumerique.base.ui.PublicLayout;
import fr.rdvnumerique.base.ui.UiMessages;
import fr.rdvnumerique.base.web.ClientAddress;
import fr.rdvnumerique.base.web.ResidentPaths;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.StructureSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The residents' booking wizard: one question per step, large targets, plain French. Place → what for → what to
 * learn (optional) → day → time → who → check → confirmation with the date written out, the address and the
 * private link. A slot taken meanwhile brings the person back to the fresh times of that day, never to an error page.
 */
@StyleSheet("styles/appointment.css")
@Route(value = "territoire/:slug/rendez-vous", layout = PublicLayout.class)
@AnonymousAllowed
public class BookingWizardView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final int STEPS = 7;

    private final BookingService booking;
    private final TerritoryDirectory directory;
    private final Clock clock;

    private StructureSummary structure;
    private PlaceSummary place;
    private MotifSummary motif;
    private Set<Theme> themes = EnumSet.noneOf(Theme.class);
    private String needs;
    private List<FreeSlot> freeSlots = List.of();
    private LocalDate day;
    private FreeSlot slot;
    private String givenName = "";
    private String familyName = "";
    private String email = "";
    private String phone = "";
    private boolean reminders = true;
    private final Paragraph alert = new Paragraph();

    public BookingWizardView(BookingService booking, TerritoryDirectory directory, Clock clock) {
        this.booking = booking;
        this.directory = directory;
        this.clock = clock;
        addClassNames("public-page", "booking-wizard");
        alert.addClassName("wizard-alert");
        alert.setId("wizard-alert");
        alert.getElement().setAttribute("role", "alert");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        structure = directory.structureBySlug(slug).orElseThrow(NotFoundException::new);
        showPlaces();
    }

    // Step 1 -----------------------------------------------------------------------------------------------------

    void showPlaces() {
        List<PlaceSummary> places = booking.bookablePlaces(structure.id());
        if (places.isEmpty()) {
            var closed = new Paragraph(structure.phone() == null ? getTranslation("appointment.wizard.none")
                    : getTranslation("appointment.wizard.none.call", structure.phone().display()));
            step(0, "appointment.wizard.place.title", null, closed);
            return;
        }
        var choices = choices();
        for (PlaceSummary p : places) {
            var button = choice("place-" + p.id(), p.name(), p.fullAddress(), () -> {
                place = p;
                showMotifs();
            });
            choices.add(button);
        }
        step(1, "appointment.wizard.place.title", null, new Paragraph(getTranslation("appointment.wizard.place.help")), choices);
    }

    // Step 2 -----------------------------------------------------------------------------------------------------

    void showMotifs() {
        List<MotifSummary> motifs = booking.motifsAt(place.id());
        var choices = choices();
        for (MotifSummary m : motifs) {
            var button = choice("motif-" + m.id(), m.label(), m.publicDescription() == null ? "" : m.publicDescription(), () -> {
                motif = m;
                themes = EnumSet.noneOf(Theme.class);
                showThemes();
            });
            var duration = new Span(getTranslation("appointment.wizard.motif.duration", m.durationMinutes()));
            duration.addClassName("choice-detail");
            button.add(duration);
            if (m.aidantsConnect()) {
                var badge = new Span(getTranslation("appointment.wizard.motif.aidants-connect"));
                badge.addClassName("choice-badge");
                button.add(badge);
            }
            choices.add(button);
        }
        step(2, "appointment.wizard.motif.title", this::showPlaces, choices);
    }

    // Step 3 -----------------------------------------------------------------------------------------------------

    void showThemes() {
        var group = new CheckboxGroup<Theme>(getTranslation("appointment.wizard.themes.label"));
        group.setId("wizard-themes");
        group.setItems(Theme.values());
        group.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        group.addClassName("theme-choices");
        group.setValue(themes);
        var words = new TextArea(getTranslation("appointment.wizard.needs.label"));
        words.setId("wizard-needs");
        words.setMaxLength(Appointment.MAX_NEEDS);
        words.setHelperText(getTranslation("appointment.wizard.needs.help"));
        words.setWidthFull();
        words.setValue(needs == null ? "" : needs);
        var next = primary("themes-next", "appointment.wizard.next", () -> {
            try {
                needs = Texts.optional(words.getValue(), Appointment.MAX_NEEDS);
            } catch (BusinessRuleException e) {
                words.setInvalid(true);
                words.setErrorMessage(UiMessages.describe(this, e));
                return;
            }
            themes = group.getValue().isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(group.getValue());
            loadSlotsAndShowDays(null);
        });
        var skip = new Button(getTranslation("appointment.wizard.themes.skip"), e -> {
            themes = EnumSet.noneOf(Theme.class);
            needs = null;
            loadSlotsAndShowDays(null);
        });
        skip.setId("themes-skip");
        skip.addThemeVariants(ButtonVariant.TERTIARY);
        skip.addClassName("wizard-secondary");
        step(3, "appointment.wizard.themes.title", this::showMotifs,
                new Paragraph(getTranslation("appointment.wizard.themes.help")), group, words, actions(next, skip));
    }

    // Step 4 -----------------------------------------------------------------------------------------------------

    private void loadSlotsAndShowDays(String alertKey) {
        LocalDate today = LocalDate.now(clock.withZone(ParisTime.ZONE));
        freeSlots = booking.freeSlots(place.id(), motif.id(), today, today.plusDays(motif.horizonDays()));
        showDays(alertKey);
    }

    void showDays(String alertKey) {
        if (freeSlots.isEmpty()) {
            var none = new Paragraph(structure.phone() == null ? getTranslation("appointment.wizard.day.none")
                    : getTranslation("appointment.wizard.day.none.call", structure.phone().display()));
            none.setId("no-free-day");
            var body = new java.util.ArrayList<Component>(List.of(none));
            body.addAll(otherPlaces());
            step(4, "appointment.wizard.day.title", this::showThemes, body.toArray(Component[]::new));
        } else {
            Map<LocalDate, Integer> counts = freeSlots.stream()
                    .collect(Collectors.groupingBy(FreeSlot::day, TreeMap::new, Collectors.summingInt(s -> 1)));
            var calendar = new MonthCalendar(clock, d -> {
                day = d;
                showTimes(null);
            });
            calendar.show(counts);
            step(4, "appointment.wizard.day.title", this::showThemes,
                    new Paragraph(getTranslation("appointment.wizard.day.help", motif.label(), place.name(),
                            place.named().after("à"))), calendar);
        }
        showAlert(alertKey);
    }

    /** When the chosen place is full: the other places where the same motif still has free times, soonest first. */
    private List<Component> otherPlaces() {
        List<PlaceSummary> others = booking.bookablePlaces(structure.id()).stream().filter(p -> p.id() != place.id()).toList();
        if (others.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(ParisTime.ZONE));
        Map<Long, List<FreeSlot>> slotsByPlace = booking.freeSlotsAt(others.stream().map(PlaceSummary::id).toList(),
                motif.id(), today, today.plusDays(motif.horizonDays()));
        var choices = choices();
        others.stream().filter(p -> !slotsByPlace.getOrDefault(p.id(), List.of()).isEmpty())
                .sorted(java.util.Comparator.comparing(p -> slotsByPlace.get(p.id()).getFirst().start()))
                .forEach(p -> {
                    List<FreeSlot> free = slotsByPlace.get(p.id());
                    var button = choice("elsewhere-" + p.id(), p.name(), p.fullAddress(), () -> {
                        place = p;
                        freeSlots = free;
                        showDays(null);
                    });
                    var first = new Span(getTranslation("appointment.wizard.day.elsewhere.first",
                            FrenchDates.dayWithoutYear(free.getFirst().day())));
                    first.addClassName("choice-detail");
                    button.add(first);
                    choices.add(button);
                });
        if (choices.getComponentCount() == 0) {
            return List.of();
        }
        var intro = new Paragraph(getTranslation("appointment.wizard.day.elsewhere", motif.label()));
        intro.setId("elsewhere-intro");
        return List.of(intro, choices);
    }

    // Step 5 -----------------------------------------------------------------------------------------------------

    void showTimes(String alertKey) {
        List<FreeSlot> ofDay = freeSlots.stream().filter(s -> s.day().equals(day)).toList();
        if (ofDay.isEmpty()) {
            loadSlotsAndShowDays(alertKey);
            return;
        }
        var times = new Div();
        times.addClassName("time-choices");
        for (FreeSlot s : ofDay) {
            var button = new NativeButton(SlotTimes.label(this, s), e -> {
                slot = s;
                showContact(null);
            });
            button.setId(SlotTimes.id(s));
            button.addClassName("time-choice");
            times.add(button);
        }
        step(5, "appointment.wizard.time.title", () -> showDays(null),
                new Paragraph(getTranslation("appointment.wizard.time.help", FrenchDates.day(day))), times);
        showAlert(alertKey);
    }

    // Step 6 -----------------------------------------------------------------------------------------------------

    void showContact(String alertKey) {
        showContact(alertKey, null);
    }

    /** @param invalid a value the service refused, said next to its field (or on top) */
    private void showContact(String alertKey, PlaceResult.Invalid<?, ?> invalid) {
        var contact = new ContactFields("contact", ContactFields.Wording.FORM);
        contact.setValues(givenName, familyName, email, phone);
        var remind = new Checkbox(getTranslation("appointment.wizard.contact.reminders"), reminders);
        remind.setId("contact-reminders");
        contact.fields().forEach(field -> field.setWidthFull());
        var next = primary("contact-next", "appointment.wizard.next", () -> {
            if (contact.check()) {
                givenName = contact.givenNameValue().strip();
                familyName = contact.familyNameValue().strip();
                email = contact.email().getValue().strip();
                phone = contact.phone().getValue().strip();
                reminders = remind.getValue();
                showReview(null);
            } else {
                showAlertText(getTranslation(contact.onlyContactMissing() ? "validation.contact.required"
                        : "form.check-fields"));
            }
        });
        var form = new Div(contact.givenName(), contact.familyName(),
                new Paragraph(getTranslation("appointment.wizard.contact.either")), contact.email(), contact.phone(), remind);
        form.addClassName("contact-form");
        step(6, "appointment.wizard.contact.title", () -> showTimes(null), form, actions(next));
        showAlert(alertKey);
        if (invalid != null && !contact.show(invalid.field(), invalid.messageKey(), invalid.args())) {
            showAlertText(getTranslation(invalid.messageKey(), invalid.args()));
        } else if (invalid != null) {
            showAlertText(getTranslation("form.check-fields"));
        }
    }

    // Step 7 -----------------------------------------------------------------------------------------------------

    void showReview(String alertKey) {
        var summary = new DescriptionList();
        summary.addClassName("review");
        summary.add(new DescriptionList.Term(getTranslation("appointment.wizard.review.when")),
                new DescriptionList.Description(SlotTimes.dayAndTime(this, slot.start())));
        summary.add(new DescriptionList.Term(getTranslation("appointment.wizard.review.where")),
                new DescriptionList.Description(place.name() + ", " + place.fullAddress()));
        summary.add(new DescriptionList.Term(getTranslation("appointment.wizard.review.what")),
                new DescriptionList.Description(motif.label()));
        summary.add(new DescriptionList.Term(getTranslation("appointment.wizard.review.who")),
                new DescriptionList.Description(givenName + " " + familyName));
        String contact = String.join(" · ", java.util.stream.Stream.of(email, phone).filter(v -> !v.isBlank()).toList());
        summary.add(new DescriptionList.Term(getTranslation("appointment.wizard.review.contact")),
                new DescriptionList.Description(contact));
        var confirm = primary("confirm-booking", "appointment.wizard.review.confirm", this::confirm);
        confirm.setDisableOnClick(true);
        step(7, "appointment.wizard.review.title", () -> showContact(null), summary,
                new Paragraph(getTranslation("appointment.wizard.review.free")), actions(confirm));
        showAlert(alertKey);
    }

    private void confirm() {
        var request = new BookingRequest(place.id(), motif.id(), slot.start(), givenName, familyName, email, phone,
                reminders, themes, needs, Origin.web(ClientAddress.current()));
        switch (booking.book(request)) {
            case PlaceResult.Confirmed<AppointmentCard, FreeSlot> booked ->
                    showConfirmation(booked.managementToken(), booked.details());
            case PlaceResult.SlotTaken<AppointmentCard, FreeSlot> taken -> {
                // Someone was faster: the same day's fresh times, or the calendar when the day is now full.
                freeSlots = java.util.stream.Stream.concat(freeSlots.stream().filter(s -> !s.day().equals(day)),
                        taken.alternatives().stream()).sorted(java.util.Comparator.comparing(FreeSlot::start)).toList();
                slot = null;
                showTimes(taken.messageKey());
            }
            case PlaceResult.Invalid<AppointmentCard, FreeSlot> invalid -> showContact(null, invalid);
            case PlaceResult.Refused<AppointmentCard, FreeSlot> refused -> {
                showReview(null);
                showAlertText(getTranslation(refused.messageKey(), refused.args()));
            }
            case PlaceResult.TryLater<AppointmentCard, FreeSlot> later -> {
                showReview(null);
                showAlertText(getTranslation(later.messageKey()));
            }
            case PlaceResult.Waitlisted<AppointmentCard, FreeSlot> w ->
                    throw new IllegalStateException("Appointments have no waiting list");
            case PlaceResult.AlreadyHeld<AppointmentCard, FreeSlot> a ->
                    throw new IllegalStateException("A slot is never held twice");
        }
    }

    // Confirmation -----------------------------------------------------------------------------------------------

    void showConfirmation(String managementToken, AppointmentCard card) {
        removeAll();
        var title = new H1(getTranslation("appointment.wizard.done.title"));
        title.setId("booking-confirmed");
        focusOnArrival(title);
        var when = new Paragraph(SlotTimes.dayAndTime(this, card.start()));
        when.addClassName("confirmation-date");
        when.setId("confirmation-date");
        var duration = new Paragraph(getTranslation("appointment.wizard.done.duration", motif.durationMinutes(), card.motifLabel()));
        var link = new Anchor(ResidentPaths.appointment(managementToken),
                getTranslation("appointment.wizard.done.manage-link"));
        link.setId("manage-link");
        link.getElement().setAttribute("router-link", true);
        link.addClassName("manage-link");
        var manage = new Div(new H2(getTranslation("appointment.wizard.done.manage.title")),
                new Paragraph(getTranslation("appointment.wizard.done.manage.text", card.cutoffHours())), link,
                new Paragraph(getTranslation("appointment.wizard.done.manage.keep")));
        manage.addClassName("manage-box");
        var print = new Button(getTranslation("appointment.wizard.done.print"), VaadinIcon.PRINT.create(),
                e -> getElement().executeJs("window.print()"));
        print.setId("print-confirmation");
        add(title, when, duration, calendarLink(managementToken, getTranslation("appointment.calendar.add")),
                new H2(getTranslation("appointment.wizard.done.where")), new PlaceBlock(card.place()));
        if (card.aidantsConnect()) {
            add(new AidantsConnectChecklist());
        }
        add(manage, print);
    }

    /** "Ajouter à mon agenda": the appointment's .ics file, served by the notification module. */
    static Anchor calendarLink(String token, String text) {
        var calendar = Downloads.calendarLink(ResidentPaths.appointmentCalendar(token), text);
        calendar.setId("add-to-calendar");
        calendar.addClassName("calendar-link");
        return calendar;
    }

    // Frame ------------------------------------------------------------------------------------------------------

    private void step(int number, String titleKey, Runnable back, Component... body) {
        removeAll();
        alert.setVisible(false);
        if (number > 0) {
            var progress = new Paragraph(getTranslation("appointment.wizard.step", number, STEPS));
            progress.addClassName("wizard-progress");
            progress.setId("wizard-step");
            add(progress);
        }
        var title = new H1(getTranslation(titleKey));
        title.setId("wizard-title");
        focusOnArrival(title);
        add(title, alert);
        add(body);
        if (back != null) {
            var backButton = new Button(getTranslation("appointment.wizard.back"), VaadinIcon.ARROW_LEFT.create(), e -> back.run());
            backButton.setId("wizard-back");
            backButton.addThemeVariants(ButtonVariant.TERTIARY);
            backButton.addClassName("wizard-back");
            add(backButton);
        }
    }

    /** Each new step starts at the top, and screen readers announce its question. */
    static void focusOnArrival(H1 title) {
        title.getElement().setAttribute("tabindex", "-1");
        title.getElement().executeJs("window.scrollTo(0, 0); this.focus({preventScroll: true})");
    }

    private void showAlert(String key) {
        if (key != null) {
            showAlertText(getTranslation(key));
        }
    }

    private void showAlertText(String text) {
        alert.setText(text);
        alert.setVisible(true);
    }

    private static Div choices() {
        var choices = new Div();
        choices.addClassName("wizard-choices");
        return choices;
    }

    private NativeButton choice(String id, String label, String detail, Runnable action) {
        var title = new Span(label);
        title.addClassName("choice-title");
        var button = new NativeButton();
        button.add(title);
        if (!detail.isEmpty()) {
            var text = new Span(detail);
            text.addClassName("choice-detail");
            button.add(text);
        }
        button.setId(id);
        button.addClassName("wizard-choice");
        button.addClickListener(e -> action.run());
        return button;
    }

    private Button primary(String id, String key, Runnable action) {
        var button = new Button(getTranslation(key), e -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.PRIMARY);
        button.addClassName("wizard-primary");
        return button;
    }

    private static Div actions(Component... buttons) {
        var actions = new Div(buttons);
        actions.addClassName("wizard-actions");
        return actions;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title",
                getTranslation("appointment.wizard.page-title") + (structure == null ? "" : " – " + structure.name()));
    }
}
