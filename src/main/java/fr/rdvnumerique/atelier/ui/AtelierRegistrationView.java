package fr.rdvnumerique.atelier.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.atelier.AtelierCatalogue;
import fr.rdvnumerique.atelier.RegistrationRequest;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.atelier.SessionCard;
import fr.rdvnumerique.atelier.SessionStatus;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.ui.Downloads;
import fr.rdvnumerique.base.ui.PublicLayout;
import fr.rdvnumerique.base.web.ClientAddress;
import fr.rdvnumerique.base.web.ResidentPaths;
import fr.rdvnumerique.territory.StepFreeAccess;
import fr.rdvnumerique.territory.StructureSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Clock;
import java.util.Optional;

/**
 * One atelier for residents: everything about it (when, where, how to get there, what to bring, seats left)
 * and the short registration form; then the result: confirmed, or on the waiting list at position N, with the
 * private link to see or cancel the registration.
 */
@StyleSheet("styles/atelier.css")
@Route(value = "territoire/:slug/ateliers/:sessionId([0-9]{1,18})", layout = PublicLayout.class)
@AnonymousAllowed
public class AtelierRegistrationView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AtelierCatalogue catalogue;
    private final RegistrationService registrations;
    private final TerritoryDirectory directory;
    private final Clock clock;

    private StructureSummary structure;
    private SessionCard session;
    private RegistrationFormPanel form;
    private final Section formSection = new Section();
    private final Paragraph seats = new Paragraph();

    AtelierRegistrationView(AtelierCatalogue catalogue, RegistrationService registrations, TerritoryDirectory directory,
                            Clock clock) {
        this.catalogue = catalogue;
        this.registrations = registrations;
        this.directory = directory;
        this.clock = clock;
        addClassNames("public-page", "atelier-register");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElse("");
        structure = directory.structureBySlug(slug).orElseThrow(NotFoundException::new);
        long sessionId = event.getRouteParameters().getLong("sessionId").orElseThrow(NotFoundException::new);
        session = catalogue.session(sessionId).filter(s -> s.structureId() == structure.id())
                .orElseThrow(NotFoundException::new);
        removeAll();
        var back = new RouterLink(getTranslation("atelier.register.back"), AteliersView.class,
                new RouteParameters("slug", structure.slug()));
        back.addClassName("atelier-back");
        var title = new H1(session.title());
        add(back, title, details());
        formSection.removeAll();
        formSection.addClassName("atelier-form-section");
        formSection.setId("atelier-form-section");
        add(formSection);
        if (session.registrationOpen()) {
            showForm();
        } else {
            var closed = new Paragraph(session.status() == SessionStatus.CANCELLED
                    ? getTranslation("atelier.seats.cancelled") : SessionTexts.seats(this, session, clock.instant()));
            closed.addClassName("atelier-closed");
            closed.setId("atelier-closed");
            formSection.add(closed, call());
        }
    }

    private Section details() {
        var section = new Section();
        section.addClassName("atelier-details");
        section.getElement().setAttribute("aria-label", getTranslation("atelier.register.details"));
        var when = new Paragraph(SessionTexts.when(session));
        when.addClassName("atelier-when");
        section.add(when);
        section.add(new Paragraph(getTranslation("atelier.card.where", session.placeName(), session.placeAddress())));
        var access = new Paragraph(getTranslation("territory.portal.access." + session.stepFreeAccess()));
        access.addClassName(session.stepFreeAccess() == StepFreeAccess.YES ? "access-yes" : "access-other");
        section.add(access);
        if (session.transport() != null) {
            section.add(new Paragraph(getTranslation("territory.portal.transport", session.transport())));
        }
        if (session.parking() != null) {
            section.add(new Paragraph(getTranslation("territory.portal.parking", session.parking())));
        }
        if (session.placeNotes() != null) {
            section.add(new Paragraph(session.placeNotes()));
        }
        section.add(new Paragraph(getTranslation("atelier.card.level", getTranslation(session.level().labelKey()))));
        section.add(new Paragraph(getTranslation("atelier.card.themes", SessionTexts.themes(this, session))));
        var description = new Paragraph(session.description());
        description.addClassName("atelier-description");
        section.add(new H2(getTranslation("atelier.register.description")), description);
        if (session.whatToBring() != null) {
            section.add(new Paragraph(getTranslation("atelier.card.bring", session.whatToBring())));
        }
        if (session.equipmentProvided() != null) {
            section.add(new Paragraph(getTranslation("atelier.card.equipment", session.equipmentProvided())));
        }
        showSeats();
        seats.setId("atelier-seats");
        section.add(seats);
        return section;
    }

    private void showSeats() {
        seats.setText(SessionTexts.seats(this, session, clock.instant()));
        seats.setClassName("atelier-seats " + SessionTexts.seatsClass(session));
    }

    private void showForm() {
        form = new RegistrationFormPanel(directory.communes(structure.id()));
        var intro = new Paragraph(getTranslation("atelier.register.form.intro"));
        formSection.add(new H2(getTranslation("atelier.register.form")), intro);
        if (session.full()) {
            var waiting = new Paragraph(getTranslation("atelier.register.form.waiting"));
            waiting.addClassName("atelier-waiting-note");
            formSection.add(waiting);
        }
        var submit = new Button(getTranslation("atelier.register.submit"), e -> submit());
        submit.setId("atelier-submit");
        submit.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        submit.addClassName("atelier-submit");
        formSection.add(form, fr.rdvnumerique.base.ui.PrivacyNotice.of(structure.slug(), "legal.purpose.atelier"), submit);
    }

    private void submit() {
        Optional<RegistrationRequest> request = form.read(session.id(), Origin.web(ClientAddress.current()));
        if (request.isEmpty()) {
            return;
        }
        String firstName = request.get().givenName().strip();
        var panel = new Div();
        panel.addClassName("atelier-result");
        panel.setId("atelier-result");
        H2 title;
        switch (registrations.register(request.get())) {
            case PlaceResult.Confirmed<Seats, Void> c -> {
                panel.addClassName("result-confirmed");
                title = new H2(getTranslation("atelier.result.confirmed.title"));
                panel.add(title, new Paragraph(getTranslation("atelier.result.confirmed.text", firstName,
                        FrenchDates.dayAndTime(session.start()))));
                if (c.details().count() == 2) {
                    panel.add(new Paragraph(getTranslation("atelier.result.confirmed.two-seats")));
                }
                panel.add(new Paragraph(getTranslation("atelier.card.where", session.placeName(), session.placeAddress())));
                panel.add(calendarLink(c.managementToken(), getTranslation("atelier.calendar.add")),
                        managementLink(c.managementToken()));
            }
            case PlaceResult.Waitlisted<Seats, Void> w -> {
                panel.addClassName("result-waiting");
                title = new H2(getTranslation("atelier.result.waitlisted.title"));
                var position = new Paragraph(getTranslation("atelier.result.waitlisted.text", w.position()));
                position.setId("atelier-position");
                panel.add(title, position, managementLink(w.managementToken()));
            }
            case PlaceResult.AlreadyHeld<Seats, Void> a -> {
                // The registration that exists, not a second one. No link here: anyone can type someone's
                // email, so the private link only ever goes to the contact on file (by mail, or by calling us).
                panel.addClassName("result-already");
                title = new H2(getTranslation("atelier.result.already.title"));
                var which = new Paragraph(getTranslation("atelier.result.already.session", session.title(),
                        SessionTexts.when(session)));
                which.setId("atelier-already-session");
                var status = new Paragraph(a.waiting()
                        ? getTranslation("atelier.result.already.waiting", a.waitingPosition())
                        : getTranslation("atelier.result.already.confirmed"));
                status.setId("atelier-already-status");
                panel.add(title, which, new Paragraph(getTranslation("atelier.card.where", session.placeName(),
                        session.placeAddress())), status, new Paragraph(getTranslation("atelier.result.already.help")),
                        call());
            }
            case PlaceResult.SlotTaken<Seats, Void> taken -> title = rejected(panel, getTranslation(taken.messageKey()));
            case PlaceResult.Refused<Seats, Void> r -> title = rejected(panel, getTranslation(r.messageKey(), r.args()));
            case PlaceResult.TryLater<Seats, Void> later -> {
                form.showError(getTranslation(later.messageKey()));
                return;
            }
            case PlaceResult.Invalid<Seats, Void> invalid -> {
                form.show(invalid);
                return;
            }
        }
        formSection.removeAll();
        // The seats left as they are now, this registration and anyone else's included.
        catalogue.session(session.id()).ifPresent(fresh -> {
            session = fresh;
            showSeats();
        });
        title.setId("atelier-result-title");
        title.getElement().setAttribute("tabindex", "-1");
        var more = new RouterLink(getTranslation("atelier.result.more"), AteliersView.class,
                new RouteParameters("slug", structure.slug()));
        more.addClassName("atelier-more");
        panel.add(more);
        formSection.add(panel);
        // Screen readers and keyboards land on the answer.
        title.getElement().executeJs("this.focus()");
    }

    private H2 rejected(Div panel, String reason) {
        panel.addClassName("result-rejected");
        var title = new H2(getTranslation("atelier.result.rejected.title"));
        panel.add(title, new Paragraph(reason), call());
        return title;
    }

    private Div managementLink(String token) {
        var intro = new Paragraph(getTranslation("atelier.result.link.intro"));
        var link = new Anchor(ResidentPaths.registration(token), getTranslation("atelier.result.link"));
        link.setId("atelier-manage-link");
        link.addClassName("atelier-button");
        var box = new Div(intro, link);
        box.addClassName("atelier-manage-box");
        return box;
    }

    /** "Ajouter à mon agenda": the registration's .ics file, served by the notification module. */
    static Anchor calendarLink(String token, String text) {
        var calendar = Downloads.calendarLink(ResidentPaths.registrationCalendar(token), text);
        calendar.setId("atelier-add-to-calendar");
        calendar.addClassNames("atelier-button", "atelier-calendar-link");
        return calendar;
    }

    private Paragraph call() {
        var paragraph = new Paragraph();
        paragraph.addClassName("atelier-call");
        if (structure.phone() != null) {
            String text = getTranslation("atelier.register.call", "§");
            int at = text.indexOf('§');
            paragraph.add(new Span(text.substring(0, at)),
                    new Anchor("tel:" + structure.phone().e164(), structure.phone().display()),
                    new Span(text.substring(at + 1)));
        }
        return paragraph;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title",
                (session == null ? "" : session.title() + " – ") + getTranslation("atelier.calendar.title"));
    }
}
