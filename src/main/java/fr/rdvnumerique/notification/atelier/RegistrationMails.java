package fr.rdvnumerique.notification.atelier;

import static fr.rdvnumerique.base.i18n.FrenchDates.dayAndTime;

import fr.rdvnumerique.atelier.CancellationReason;
import fr.rdvnumerique.atelier.RegistrationCancelled;
import fr.rdvnumerique.atelier.RegistrationDetails;
import fr.rdvnumerique.atelier.RegistrationMoved;
import fr.rdvnumerique.atelier.RegistrationStatus;
import fr.rdvnumerique.atelier.SessionRescheduled;
import fr.rdvnumerique.atelier.SessionStatus;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.web.PublicUrls;
import fr.rdvnumerique.base.web.ResidentPaths;
import fr.rdvnumerique.notification.internal.CalendarMethod;
import fr.rdvnumerique.notification.internal.CallReason;
import fr.rdvnumerique.notification.internal.MailContent;
import fr.rdvnumerique.notification.internal.MailEvent;
import fr.rdvnumerique.notification.internal.MailRequest;
import fr.rdvnumerique.notification.internal.MessageKind;
import fr.rdvnumerique.notification.internal.Recipient;
import fr.rdvnumerique.notification.internal.ReminderActivity;
import fr.rdvnumerique.notification.internal.ReminderSubject;
import fr.rdvnumerique.notification.internal.ResidentContact;
import fr.rdvnumerique.notification.internal.ShortNotice;
import fr.rdvnumerique.notification.internal.StaffNotice;
import fr.rdvnumerique.notification.internal.SubjectRef;
import fr.rdvnumerique.notification.mail.MailComposer;
import fr.rdvnumerique.notification.mail.ManagementLinkIssuer;
import fr.rdvnumerique.notification.sms.SmsWhen;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.StructureSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the mails, reminders and staff notices about an atelier registration say, from the atelier module's
 * {@link RegistrationDetails}. A calendar invitation goes with a seat (REQUEST), and a CANCEL when a seat is lost;
 * people on the waiting list get none.
 */
@Component
class RegistrationMails {

    static final String SUBJECT_TYPE = "ATELIER_REGISTRATION";

    private final MailComposer texts;
    private final TerritoryDirectory territory;
    private final PublicUrls urls;

    RegistrationMails(MailComposer texts, TerritoryDirectory territory, PublicUrls urls) {
        this.texts = texts;
        this.territory = territory;
        this.urls = urls;
    }

    static SubjectRef subject(long registrationId) {
        return SubjectRef.of(SUBJECT_TYPE, registrationId);
    }

    /**
     * Reminders go to people with a seat at a session still on, who accepted them and can be told (a mail, a text
     * message or a call).
     */
    static ReminderSubject reminders(RegistrationDetails r) {
        boolean wanted = r.status() == RegistrationStatus.CONFIRMED && r.sessionStatus() == SessionStatus.SCHEDULED
                && r.wantsReminders() && contact(r).reachable();
        return new ReminderSubject(subject(r.registrationId()), r.structureId(), ReminderActivity.ATELIER,
                r.workshopId(), r.start(), wanted);
    }

    static Optional<Recipient> recipient(RegistrationDetails r) {
        return r.email() == null ? Optional.empty() : Optional.of(Recipient.of(r.email(), name(r)));
    }

    static ResidentContact contact(RegistrationDetails r) {
        return new ResidentContact(name(r), r.email(), r.phone(), r.noticeBy());
    }

    private static String name(RegistrationDetails r) {
        return (r.firstName() + " " + r.lastName()).strip();
    }

    MailEvent event(RegistrationDetails r) {
        return new MailEvent(texts.message("notification.atelier.what", r.sessionTitle()), r.start(), r.end(),
                r.placeId());
    }

    MailRequest confirmed(RegistrationDetails r, int sequence, Recipient to) {
        var paragraphs = new ArrayList<String>();
        paragraphs.add(texts.message("notification.atelier.confirmed.text", r.sessionTitle()));
        paragraphs.addAll(seat(r));
        return request(MessageKind.ATELIER_REGISTRATION_CONFIRMED, r, sequence, to,
                "notification.atelier.confirmed.subject",
                "notification.atelier.confirmed.heading", paragraphs, true, CalendarMethod.REQUEST);
    }

    MailRequest waitlisted(RegistrationDetails r, int sequence, int position, Recipient to) {
        var paragraphs = List.of(texts.message("notification.atelier.waitlisted.full", r.sessionTitle()),
                texts.message("notification.atelier.waitlisted.position", position),
                texts.message("notification.atelier.seat-for-you"));
        return request(MessageKind.ATELIER_WAITLIST_JOINED, r, sequence, to,
                "notification.atelier.waitlisted.subject",
                "notification.atelier.waitlisted.heading", paragraphs, true, null);
    }

    MailRequest promoted(RegistrationDetails r, int sequence, Recipient to) {
        var paragraphs = new ArrayList<String>();
        paragraphs.add(texts.message("notification.atelier.confirmed.text", r.sessionTitle()));
        paragraphs.addAll(seat(r));
        return request(MessageKind.ATELIER_PROMOTED, r, sequence, to,
                "notification.atelier.promoted.subject",
                "notification.atelier.promoted.heading", paragraphs, true, CalendarMethod.REQUEST);
    }

    MailRequest cancelled(RegistrationDetails r, RegistrationCancelled e, Recipient to) {
        boolean hadSeat = e.previousStatus() == RegistrationStatus.CONFIRMED;
        var paragraphs = new ArrayList<String>();
        MessageKind kind;
        String subjectKey;
        String headingKey;
        if (e.reason() == CancellationReason.OFFER_LAPSED) {
            kind = MessageKind.ATELIER_REGISTRATION_CANCELLED;
            subjectKey = "notification.atelier.offer-lapsed.subject";
            headingKey = "notification.atelier.offer-lapsed.heading";
            paragraphs.add(texts.message("notification.atelier.offer-lapsed.text", r.sessionTitle()));
        } else if (e.reason() == CancellationReason.SESSION_CANCELLED) {
            kind = MessageKind.ATELIER_SESSION_CANCELLED;
            subjectKey = "notification.atelier.session-cancelled.subject";
            headingKey = "notification.atelier.session-cancelled.heading";
            paragraphs.add(texts.message("notification.atelier.session-cancelled.text", r.sessionTitle(),
                    dayAndTime(r.start())));
            paragraphs.add(texts.message("notification.atelier.session-cancelled.nothing-to-do"));
        } else {
            kind = MessageKind.ATELIER_REGISTRATION_CANCELLED;
            subjectKey = "notification.atelier.cancelled.subject";
            headingKey = "notification.atelier.cancelled.heading";
            paragraphs.add(texts.message(e.reason() == CancellationReason.STAFF_DECISION
                    ? "notification.atelier.cancelled.by-staff" : hadSeat ? "notification.atelier.cancelled.by-person"
                    : "notification.atelier.cancelled.waiting", r.sessionTitle()));
        }
        territory.structure(r.structureId()).ifPresent(s -> paragraphs.add(
                texts.message("notification.atelier.others", urls.of(ResidentPaths.ateliers(s.slug())))));
        return request(kind, r, e.sequence(), to, subjectKey, headingKey, paragraphs, false,
                hadSeat ? CalendarMethod.CANCEL : null);
    }

    MailRequest moved(RegistrationDetails r, SessionRescheduled e, Recipient to) {
        boolean time = !e.start().equals(e.previousStart()) || !e.end().equals(e.previousEnd());
        boolean place = e.placeId() != e.previousPlaceId();
        String heading = texts.message(time && place ? "notification.atelier.moved.heading.both"
                : place ? "notification.atelier.moved.heading.place" : "notification.atelier.moved.heading.time");
        var paragraphs = new ArrayList<String>();
        paragraphs.add(texts.message("notification.atelier.moved.before", dayAndTime(e.previousStart()),
                placeName(e.previousPlaceId()), atPlace(e.previousPlaceId())));
        paragraphs.add(texts.message("notification.atelier.moved.now", dayAndTime(e.start()), placeName(e.placeId()),
                atPlace(e.placeId())));
        boolean seat = r.status() == RegistrationStatus.CONFIRMED;
        if (seat) {
            paragraphs.add(texts.message("notification.atelier.moved.seat-kept"));
            paragraphs.addAll(seat(r));
        } else {
            paragraphs.add(texts.message("notification.atelier.moved.still-waiting", r.position()));
        }
        var content = new MailContent(texts.message("notification.atelier.moved.subject", r.sessionTitle(),
                dayAndTime(e.start())), heading, paragraphs, event(r),
                seat ? MailContent.lines(r.whatToBring()) : List.of(), true);
        return MailRequest.of(MessageKind.ATELIER_SESSION_MOVED, r.structureId(), subject(r.registrationId()),
                e.sequence(), to, content, seat ? CalendarMethod.REQUEST : null);
    }

    /** The person chose another date: the same calendar event (UID) with the new time, a higher SEQUENCE. */
    MailRequest movedByPerson(RegistrationDetails r, RegistrationMoved e, Recipient to) {
        var paragraphs = new ArrayList<String>();
        paragraphs.add(texts.message("notification.atelier.moved.before", dayAndTime(e.previousStart()),
                placeName(e.previousPlaceId())));
        paragraphs.add(texts.message("notification.atelier.moved.now", dayAndTime(e.start()), placeName(e.placeId())));
        paragraphs.addAll(seat(r));
        var content = new MailContent(texts.message("notification.atelier.moved-by-person.subject", r.sessionTitle(),
                dayAndTime(e.start())), texts.message("notification.atelier.moved-by-person.heading"), paragraphs,
                event(r), MailContent.lines(r.whatToBring()), true);
        return MailRequest.of(MessageKind.ATELIER_REGISTRATION_MOVED, r.structureId(), subject(r.registrationId()),
                e.sequence(), to, content, CalendarMethod.REQUEST);
    }

    /** The seat is gone (fewer seats): the invitation is withdrawn, the person waits again. */
    MailRequest movedToWaitingList(RegistrationDetails r, int sequence, int position, Recipient to) {
        var paragraphs = List.of(texts.message("notification.atelier.to-waiting-list.text", r.sessionTitle()),
                texts.message("notification.atelier.waitlisted.position", position),
                texts.message("notification.atelier.seat-for-you"));
        return request(MessageKind.ATELIER_MOVED_TO_WAITING_LIST, r, sequence, to,
                "notification.atelier.to-waiting-list.subject",
                "notification.atelier.to-waiting-list.heading", paragraphs, true, CalendarMethod.CANCEL);
    }

    /** To the former address: the contact changed, mails go elsewhere now; call us if it was not you. No link. */
    MailRequest contactChanged(RegistrationDetails r, int sequence, Recipient to) {
        var content = new MailContent(texts.message("notification.contact-changed.atelier.subject", r.sessionTitle(),
                dayAndTime(r.start())), texts.message("notification.contact-changed.heading"),
                List.of(texts.message("notification.contact-changed.atelier.text", r.sessionTitle(), dayAndTime(r.start())),
                        texts.message("notification.contact-changed.not-you")), null, List.of(), false);
        return MailRequest.of(MessageKind.CONTACT_CHANGED, r.structureId(), subject(r.registrationId()), sequence, to,
                content, null);
    }

    MailRequest reminder(RegistrationDetails r, Recipient to) {
        var paragraphs = new ArrayList<String>();
        paragraphs.add(texts.message("notification.reminder.expected", dayAndTime(r.start())));
        paragraphs.addAll(seat(r));
        return request(MessageKind.REMINDER, r, r.sequence(), to,
                "notification.atelier.reminder.subject",
                "notification.atelier.reminder.heading", paragraphs, true, null, true);
    }

    /**
     * A seat freed shortly before the session is held for this waiting person until {@code expiresAt}: « Je viens »
     * on the presence page takes it.
     */
    MailRequest offered(RegistrationDetails r, int sequence, Instant expiresAt, Recipient to) {
        var paragraphs = List.of(texts.message("notification.atelier.offer.text", r.sessionTitle()),
                texts.message("notification.atelier.offer.deadline", dayAndTime(expiresAt)),
                texts.message("notification.atelier.offer.after"));
        return request(MessageKind.ATELIER_SEAT_OFFERED, r, sequence, to,
                "notification.atelier.offer.subject",
                "notification.atelier.offer.heading", paragraphs, true, null, true);
    }

    /** For someone with a seat: the companion's seat, that it is free, what the place lends. */
    private List<String> seat(RegistrationDetails r) {
        var lines = new ArrayList<String>();
        if (r.seats() == 2 && r.companionName() != null) {
            lines.add(texts.message("notification.atelier.companion", r.companionName()));
        }
        lines.add(texts.message("notification.free"));
        if (r.equipmentProvided() != null && !r.equipmentProvided().isBlank()) {
            lines.add(texts.message("notification.atelier.equipment", r.equipmentProvided().strip()));
        }
        return lines;
    }

    private String placeName(long placeId) {
        return territory.place(placeId).map(PlaceSummary::name).orElse("");
    }

    /** « à la Médiathèque de Ludres ». */
    private String atPlace(long placeId) {
        return territory.place(placeId).map(p -> p.named().after("à")).orElse("");
    }

    private MailRequest request(MessageKind kind, RegistrationDetails r, int sequence, Recipient to, String subjectKey,
                                String headingKey, List<String> paragraphs, boolean link, CalendarMethod invitation) {
        return request(kind, r, sequence, to, subjectKey, headingKey, paragraphs, link, invitation, false);
    }

    private MailRequest request(MessageKind kind, RegistrationDetails r, int sequence, Recipient to, String subjectKey,
                                String headingKey, List<String> paragraphs, boolean link, CalendarMethod invitation,
                                boolean presence) {
        boolean seat = r.status() == RegistrationStatus.CONFIRMED;
        var content = new MailContent(texts.message(subjectKey, r.sessionTitle(), dayAndTime(r.start())),
                texts.message(headingKey), paragraphs, event(r),
                seat && invitation != CalendarMethod.CANCEL ? MailContent.lines(r.whatToBring()) : List.of(), link,
                presence);
        return MailRequest.of(kind, r.structureId(), subject(r.registrationId()), sequence, to, content, invitation);
    }

    // --- Text messages and calls, for people without a mail address ----------------------------------------------

    ShortNotice confirmedBrief(RegistrationDetails r, int sequence) {
        return brief(MessageKind.ATELIER_REGISTRATION_CONFIRMED, r, sequence, CallReason.CONFIRMATION,
                "notification.sms.atelier.confirmed", "notification.call.atelier.confirmation", r.start(),
                ManagementLinkIssuer.PLACEHOLDER);
    }

    ShortNotice promotedBrief(RegistrationDetails r, int sequence) {
        return brief(MessageKind.ATELIER_PROMOTED, r, sequence, CallReason.PROMOTION,
                "notification.sms.atelier.promoted", "notification.call.atelier.promotion", r.start(),
                ManagementLinkIssuer.PLACEHOLDER);
    }

    /** The text links to the « Je viens / Je ne pourrai pas venir » page: one tap answers. */
    ShortNotice reminderBrief(RegistrationDetails r) {
        return brief(MessageKind.REMINDER, r, r.sequence(), CallReason.REMINDER,
                "notification.sms.atelier.reminder", "notification.call.atelier.reminder", r.start(),
                ManagementLinkIssuer.PRESENCE_PLACEHOLDER);
    }

    /**
     * A seat held for a few hours: the text links to the « Je viens » page (one tap takes it); the call, due before
     * the offer lapses, asks the person and staff take the seat for them on their answer.
     */
    ShortNotice offeredBrief(RegistrationDetails r, int sequence, Instant expiresAt) {
        String when = SmsWhen.of(r.start());
        String until = SmsWhen.of(expiresAt);
        return new ShortNotice(MessageKind.ATELIER_SEAT_OFFERED, r.structureId(), r.advisorId(),
                subject(r.registrationId()), sequence,
                texts.message("notification.sms.atelier.offered", r.sessionTitle(), when, placeName(r.placeId()),
                        until, ManagementLinkIssuer.PRESENCE_PLACEHOLDER),
                CallReason.SEAT_OFFER, texts.message("notification.call.atelier.seat-offer", r.sessionTitle(), when,
                        placeName(r.placeId()), until), expiresAt, "");
    }

    /** The seat is gone because of the structure (fewer seats): told like a cancellation. */
    ShortNotice movedToWaitingListBrief(RegistrationDetails r, int sequence) {
        String when = SmsWhen.of(r.start());
        return new ShortNotice(MessageKind.ATELIER_MOVED_TO_WAITING_LIST, r.structureId(), r.advisorId(),
                subject(r.registrationId()), sequence,
                texts.message("notification.sms.atelier.to-waiting-list", r.sessionTitle(), when,
                        ManagementLinkIssuer.PLACEHOLDER),
                CallReason.CANCELLATION, texts.message("notification.call.atelier.to-waiting-list", r.sessionTitle(), when),
                r.start(), "");
    }

    /** Only a cancellation by the structure is told by text or call: the person who cancelled knows. */
    ShortNotice cancelledBrief(RegistrationDetails r, RegistrationCancelled e) {
        if (e.cancelledBy() == CancelledBy.PERSON) {
            return null;
        }
        String when = SmsWhen.of(r.start());
        if (e.reason() == CancellationReason.OFFER_LAPSED) {
            // Nobody cancelled anything: the seat held for them went on to the next person.
            return new ShortNotice(MessageKind.ATELIER_REGISTRATION_CANCELLED, r.structureId(), r.advisorId(),
                    subject(r.registrationId()), e.sequence(),
                    texts.message("notification.sms.atelier.offer-lapsed", r.sessionTitle(), when),
                    CallReason.SEAT_OFFER, texts.message("notification.call.atelier.offer-lapsed", r.sessionTitle(), when),
                    r.start(), "");
        }
        var structure = territory.structure(r.structureId());
        String by = structure.map(s -> s.named().withArticle()).orElse("");
        String questions = structure.map(StructureSummary::phone).filter(java.util.Objects::nonNull)
                .map(phone -> texts.message("notification.sms.questions", phone.display())).orElse("");
        MessageKind kind = e.reason() == CancellationReason.SESSION_CANCELLED ? MessageKind.ATELIER_SESSION_CANCELLED
                : MessageKind.ATELIER_REGISTRATION_CANCELLED;
        return new ShortNotice(kind, r.structureId(), r.advisorId(), subject(r.registrationId()), e.sequence(),
                texts.message("notification.sms.atelier.cancelled", r.sessionTitle(), when, by, questions),
                CallReason.CANCELLATION, texts.message("notification.call.atelier.cancellation", r.sessionTitle(), when),
                r.start(), "");
    }

    /** A new time or place, for someone with a seat (a person waiting learns it when a seat comes). */
    ShortNotice movedBrief(RegistrationDetails r, SessionRescheduled e) {
        if (r.status() != RegistrationStatus.CONFIRMED) {
            return null;
        }
        String when = SmsWhen.of(e.start());
        Instant before = e.previousStart().isBefore(e.start()) ? e.previousStart() : e.start();
        return new ShortNotice(MessageKind.ATELIER_SESSION_MOVED, r.structureId(), r.advisorId(),
                subject(r.registrationId()), e.sequence(),
                texts.message("notification.sms.atelier.moved", r.sessionTitle(), when, placeName(e.placeId()),
                        ManagementLinkIssuer.PLACEHOLDER),
                CallReason.TIME_CHANGE, texts.message("notification.call.atelier.time-change", r.sessionTitle(), when,
                        placeName(e.placeId()), SmsWhen.of(e.previousStart())), before, "");
    }

    private ShortNotice brief(MessageKind kind, RegistrationDetails r, int sequence, CallReason reason, String smsKey,
                              String callKey, Instant tellBefore, String link) {
        String when = SmsWhen.of(r.start());
        String place = placeName(r.placeId());
        return new ShortNotice(kind, r.structureId(), r.advisorId(), subject(r.registrationId()), sequence,
                texts.message(smsKey, r.sessionTitle(), when, place, link), reason,
                texts.message(callKey, r.sessionTitle(), when, place), tellBefore, "");
    }

    // --- Staff --------------------------------------------------------------------------------------------------

    StaffNotice registeredNotice(RegistrationDetails r, int sequence) {
        return notice(r, "REGISTERED", sequence, "notification.staff.atelier.registered");
    }

    StaffNotice cancelledNotice(RegistrationDetails r, int sequence) {
        return notice(r, "CANCELLED", sequence, "notification.staff.atelier.cancelled");
    }

    private StaffNotice notice(RegistrationDetails r, String change, int sequence, String key) {
        return new StaffNotice(r.structureId(), r.advisorId(), subject(r.registrationId()), change, sequence,
                StaffNotice.oneLine(texts.message(key, r.sessionTitle(), dayAndTime(r.start()), name(r))),
                r.seats() == 2 ? List.of(texts.message("notification.staff.atelier.seats", 2)) : List.of());
    }
}
