package fr.rdvnumerique.kiosk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.BookingService;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.appointment.MotifSummary;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.web.ResidentPaths;
import java.util.ArrayList;
import java.util.List;

/**
 * The kiosk's way to an appointment at this place: when (the reason, when the place offers several, is chosen on
 * that same screen, so an appointment takes four screens too), who you are, done. A time taken meanwhile brings the
 * other free times of that day, then the form again, still filled in.
 */
final class KioskAppointmentFlow {

    private final KioskView kiosk;
    private final BookingService booking;
    private MotifSummary chosenMotif;
    private FreeSlot chosenSlot;

    KioskAppointmentFlow(KioskView kiosk, BookingService booking) {
        this.kiosk = kiosk;
        this.booking = booking;
    }

    boolean available() {
        return !bookableMotifs().isEmpty();
    }

    /**
     * 2. When? The reason for the appointment, when the place offers several, is chosen on this same screen
     * (big buttons above the times).
     */
    void chooseAppointment(int page) {
        chosenSlot = null;
        List<MotifSummary> motifs = bookableMotifs();
        if (motifs.isEmpty()) {
            kiosk.message(t("kiosk.appointment.none"), t("kiosk.home.help"), kiosk::home);
            return;
        }
        if (motifs.size() == 1) {
            chosenMotif = motifs.getFirst();
        } else if (chosenMotif != null && motifs.stream().noneMatch(m -> m.id() == chosenMotif.id())) {
            chosenMotif = null;
        }
        var content = new ArrayList<Component>();
        content.add(new H1(t("kiosk.appointment.title")));
        if (motifs.size() > 1) {
            content.add(new H2(t("kiosk.appointment.motif")));
            var choices = new Div();
            choices.addClassName("kiosk-choices");
            for (MotifSummary motif : motifs) {
                var choice = new NativeButton();
                var label = new Span(motif.label());
                label.addClassName("kiosk-card-title");
                choice.add(label, new Span(kiosk.getTranslation("kiosk.appointment.duration", motif.durationMinutes())));
                choice.addClassName("kiosk-choice");
                choice.setId("kiosk-motif-" + motif.id());
                boolean selected = chosenMotif != null && chosenMotif.id() == motif.id();
                choice.getElement().setAttribute("aria-pressed", Boolean.toString(selected));
                choice.addClickListener(e -> {
                    kiosk.touched();
                    chosenMotif = motif;
                    chooseAppointment(0);
                    kiosk.getElement().executeJs(
                            "const s = this.querySelector('#kiosk-slots'); s && s.scrollIntoView({block: 'start'})");
                });
                choices.add(choice);
            }
            content.add(choices);
        } else {
            content.add(new Paragraph(kiosk.getTranslation("kiosk.appointment.only", chosenMotif.label(),
                    chosenMotif.durationMinutes())));
        }
        int shown = 0;
        if (chosenMotif != null) {
            // A page is a few days, each with its free times as big buttons: "Voir d'autres jours" for the next.
            List<List<FreeSlot>> days = KioskView.byDay(slotsOf(chosenMotif));
            int perPage = kiosk.settings().daysPerPage();
            int last = Math.max(0, (days.size() - 1) / perPage);
            shown = Math.min(page, last);
            int slotPage = shown;
            if (days.isEmpty()) {
                content.add(new Paragraph(t("kiosk.appointment.no-slot")));
            } else {
                var when = new H2(t("kiosk.appointment.slot"));
                when.setId("kiosk-slots");
                content.add(when);
                content.add(kiosk.times(days.subList(shown * perPage, Math.min(days.size(), (shown + 1) * perPage)),
                        slot -> {
                            chosenSlot = slot;
                            who(() -> chooseAppointment(slotPage));
                        }));
            }
            if (shown < last) {
                content.add(kiosk.more("kiosk-more-slots", t("kiosk.appointment.more"),
                        () -> chooseAppointment(slotPage + 1)));
            }
        }
        int current = shown;
        kiosk.show(current == 0 ? kiosk::home : () -> chooseAppointment(current - 1), content.toArray(Component[]::new));
    }

    /** 3. Who are you? */
    private void who(Runnable previous) {
        kiosk.who(previous, List.of(new Paragraph(kiosk.getTranslation("kiosk.who.for-appointment", chosenMotif.label(),
                FrenchDates.dayAndTime(chosenSlot.start())))), this::book);
    }

    private void book(KioskWhoForm.Who who, KioskWhoForm.Feedback feedback) {
        if (!kiosk.stillEnrolled(true)) {
            return;
        }
        var request = new BookingRequest(kiosk.device().placeId(), chosenMotif.id(), chosenSlot.start(), who.firstName(),
                who.lastName(), who.email(), who.phone(), true, null, null, kiosk.origin());
        switch (booking.book(request)) {
            case PlaceResult.Confirmed<AppointmentCard, FreeSlot> booked -> kiosk.done(t("kiosk.done.booked"),
                    t("kiosk.done.booked.text"), who, new KioskView.Ticket(chosenMotif.label(),
                            KioskView.capitalised(FrenchDates.dayAndTime(chosenSlot.start())),
                            kiosk.place().name() + " – " + kiosk.place().fullAddress(),
                            ResidentPaths.appointment(booked.managementToken()), "kiosk.done.qr.appointment"));
            case PlaceResult.SlotTaken<AppointmentCard, FreeSlot> taken -> slotTaken(taken);
            case PlaceResult.Refused<AppointmentCard, FreeSlot> refused -> kiosk.message(t("kiosk.refused.title"),
                    kiosk.getTranslation(refused.messageKey(), refused.args()), () -> chooseAppointment(0));
            case PlaceResult.TryLater<AppointmentCard, FreeSlot> later -> feedback.say(t(later.messageKey()));
            case PlaceResult.Invalid<AppointmentCard, FreeSlot> invalid -> feedback.invalid(invalid);
            case PlaceResult.Waitlisted<AppointmentCard, FreeSlot> w ->
                    throw new IllegalStateException("Appointments have no waiting list");
            case PlaceResult.AlreadyHeld<AppointmentCard, FreeSlot> a ->
                    throw new IllegalStateException("A slot is never held twice");
        }
    }

    /** Someone took the time meanwhile: the other free times of that day, then the form again, still filled in. */
    private void slotTaken(PlaceResult.SlotTaken<AppointmentCard, FreeSlot> taken) {
        var content = new ArrayList<Component>();
        content.add(new H1(t("kiosk.slot-taken.title")));
        content.add(new Paragraph(t(taken.messageKey())));
        if (!taken.alternatives().isEmpty()) {
            content.add(new H2(t("kiosk.slot-taken.same-day")));
            content.add(kiosk.times(KioskView.byDay(taken.alternatives()), slot -> {
                chosenSlot = slot;
                who(() -> chooseAppointment(0));
            }));
        }
        content.add(kiosk.more("kiosk-other-day", t("kiosk.slot-taken.again"), () -> chooseAppointment(0)));
        kiosk.show(() -> chooseAppointment(0), content.toArray(Component[]::new));
    }

    /** Reasons for an appointment offered here that still have a free time within their horizon. */
    private List<MotifSummary> bookableMotifs() {
        return booking.motifsAt(kiosk.device().placeId()).stream().filter(m -> !slotsOf(m).isEmpty()).toList();
    }

    private List<FreeSlot> slotsOf(MotifSummary motif) {
        return booking.freeSlots(kiosk.device().placeId(), motif.id(), kiosk.today(),
                kiosk.today().plusDays(motif.horizonDays()));
    }

    private String t(String key) {
        return kiosk.getTranslation(key);
    }
}
