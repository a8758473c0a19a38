package fr.rdvnumerique.kiosk.ui;

import fr.rdvnumerique.base.i18n.SentenceName;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import fr.rdvnumerique.atelier.AtelierCatalogue;
import fr.rdvnumerique.atelier.RegistrationRequest;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.atelier.SessionCard;
import fr.rdvnumerique.atelier.SessionFilter;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.web.ResidentPaths;
import java.util.ArrayList;
import java.util.List;

/**
 * The kiosk's way to an atelier: which session (this place's first, then elsewhere on the territory, a page of big
 * cards at a time), who you are, done. A session shown with a free seat asks for a seat only: if it went while the
 * person typed, they are asked whether they want the waiting list.
 */
final class KioskAtelierFlow {

    private final KioskView kiosk;
    private final AtelierCatalogue catalogue;
    private final RegistrationService registrations;
    private SessionCard chosen;
    private boolean waitingListChosen;

    KioskAtelierFlow(KioskView kiosk, AtelierCatalogue catalogue, RegistrationService registrations) {
        this.kiosk = kiosk;
        this.catalogue = catalogue;
        this.registrations = registrations;
    }

    boolean available() {
        return !openSessions().isEmpty();
    }

    /** 2. Which session? At this place first, then elsewhere on the territory, a page of big cards at a time. */
    void chooseSession(int page) {
        chosen = null;
        List<SessionCard> sessions = openSessions();
        if (sessions.isEmpty()) {
            kiosk.message(t("kiosk.sessions.none"), t("kiosk.home.help"), kiosk::home);
            return;
        }
        int perPage = kiosk.settings().cardsPerPage();
        int last = (sessions.size() - 1) / perPage;
        int shown = Math.min(page, last);
        var content = new ArrayList<Component>();
        content.add(new H1(t("kiosk.sessions.title")));
        Div group = null;
        Boolean groupHere = null;
        for (SessionCard session : sessions.subList(shown * perPage, Math.min(sessions.size(), (shown + 1) * perPage))) {
            boolean here = session.placeId() == kiosk.device().placeId();
            if (groupHere == null || groupHere != here) {
                var heading = new H2(here ? kiosk.getTranslation("kiosk.sessions.here.heading", kiosk.place().name())
                        : t("kiosk.sessions.elsewhere.heading"));
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
            content.add(kiosk.more("kiosk-more-sessions", t("kiosk.sessions.more"), () -> chooseSession(shown + 1)));
        }
        kiosk.show(shown == 0 ? kiosk::home : () -> chooseSession(shown - 1), content.toArray(Component[]::new));
    }

    private Component sessionCard(SessionCard session, int page) {
        String where = session.placeId() == kiosk.device().placeId()
                ? kiosk.getTranslation("kiosk.sessions.here", session.placeName())
                : kiosk.getTranslation("kiosk.sessions.elsewhere",
                        SentenceName.communeAfter("À", session.communeName()), session.placeName());
        var button = kiosk.card("kiosk-session-" + session.id(), session.title(), e -> {
            chosen = session;
            waitingListChosen = session.full();
            who(() -> chooseSession(page));
        }, KioskView.capitalised(FrenchDates.dayAndTimeRange(session.start(), session.end())), where,
                kiosk.getTranslation("kiosk.sessions.level", t(session.level().labelKey())));
        var seats = new Span(session.full() ? t("kiosk.sessions.full")
                : kiosk.getTranslation("kiosk.sessions.seats", session.seatsLeft()));
        seats.addClassNames(session.full() ? new String[] {"kiosk-seats", "full"} : new String[] {"kiosk-seats"});
        button.add(seats);
        if (session.full()) {
            button.addClassName("full");
        }
        return button;
    }

    /** 3. Who are you? With a notice when the session is full: validating joins the waiting list. */
    private void who(Runnable previous) {
        var intro = new ArrayList<Component>();
        intro.add(new Paragraph(kiosk.getTranslation("kiosk.who.for-atelier", chosen.title(),
                FrenchDates.dayAndTime(chosen.start()))));
        if (waitingListChosen) {
            var notice = new Paragraph(t("kiosk.who.waiting-list"));
            notice.addClassName("kiosk-notice");
            notice.setId("kiosk-waiting-list-notice");
            intro.add(notice);
        }
        kiosk.who(previous, intro, this::register);
    }

    private void register(KioskWhoForm.Who who, KioskWhoForm.Feedback feedback) {
        if (!kiosk.stillEnrolled(false)) {
            return;
        }
        // A free seat was shown: ask for a seat only. Under the session's lock the atelier module answers
        // "slot taken" rather than put the person on a waiting list they did not ask for; they are then asked.
        var request = RegistrationRequest.simple(chosen.id(), who.firstName(), who.lastName(), who.email(), who.phone(),
                kiosk.origin()).acceptingWaitingList(waitingListChosen);
        switch (registrations.register(request)) {
            case PlaceResult.Confirmed<Seats, Void> c -> kiosk.done(t("kiosk.done.confirmed"),
                    kiosk.getTranslation("kiosk.done.seats", c.details().count()), who,
                    ticket(ResidentPaths.registration(c.managementToken())));
            case PlaceResult.Waitlisted<Seats, Void> w -> kiosk.done(kiosk.getTranslation("kiosk.done.waitlisted", w.position()),
                    t("kiosk.done.waitlisted.text"), who, ticket(ResidentPaths.registration(w.managementToken())));
            case PlaceResult.AlreadyHeld<Seats, Void> a -> kiosk.message(t("kiosk.already.title"), t("kiosk.already.text"),
                    () -> who(() -> chooseSession(0)));
            case PlaceResult.SlotTaken<Seats, Void> taken -> lastSeatGone(who);
            case PlaceResult.Refused<Seats, Void> refused -> kiosk.message(t("kiosk.refused.title"),
                    kiosk.getTranslation(refused.messageKey(), refused.args()), () -> chooseSession(0));
            case PlaceResult.TryLater<Seats, Void> later -> feedback.say(t(later.messageKey()));
            case PlaceResult.Invalid<Seats, Void> invalid -> feedback.invalid(invalid);
        }
    }

    /** The seat shown went while the person typed: say so kindly, and let them choose the waiting list. */
    private void lastSeatGone(KioskWhoForm.Who who) {
        var error = KioskWhoForm.errorParagraph("kiosk-full-error");
        var join = new Button(t("kiosk.full.join"), e -> {
            kiosk.touched();
            waitingListChosen = true;
            register(who, new KioskWhoForm.Feedback() {
                @Override
                public void invalid(PlaceResult.Invalid<?, ?> invalid) {
                    say(kiosk.getTranslation(invalid.messageKey(), invalid.args()));
                }

                @Override
                public void say(String text) {
                    KioskWhoForm.say(error, text);
                }
            });
        });
        join.setId("kiosk-join-waiting-list");
        join.addClassName("kiosk-primary");
        var other = new Button(t("kiosk.full.other"), e -> chooseSession(0));
        other.setId("kiosk-other-atelier");
        other.addClassName("kiosk-secondary");
        var choices = new Div(join, other);
        choices.addClassName("kiosk-actions");
        kiosk.show(() -> who(() -> chooseSession(0)), new H1(t("kiosk.full.title")),
                new Paragraph(kiosk.getTranslation("kiosk.full.text", chosen.title())), error, choices);
    }

    private KioskView.Ticket ticket(String privatePath) {
        return new KioskView.Ticket(chosen.title(),
                KioskView.capitalised(FrenchDates.dayAndTimeRange(chosen.start(), chosen.end())),
                chosen.placeName() + " – " + chosen.placeAddress(), privatePath, "kiosk.done.qr");
    }

    private List<SessionCard> openSessions() {
        // To = null: as far ahead as the public list (rdv.atelier.list-weeks); this place's sessions come first.
        return catalogue.upcoming(kiosk.device().structureId(), new SessionFilter(null, null, null, null, false, null,
                null, null, kiosk.device().placeId())).stream().filter(SessionCard::registrationOpen).toList();
    }

    private String t(String key) {
        return kiosk.getTranslation(key);
    }
}
