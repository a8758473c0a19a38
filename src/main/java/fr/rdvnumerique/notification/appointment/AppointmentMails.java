package fr.rdvnumerique.notification.appointment;

import static fr.rdvnumerique.base.i18n.FrenchDates.dayAndTime;

import fr.rdvnumerique.appointment.AppointmentCancelled;
import fr.rdvnumerique.appointment.AppointmentDetails;
import fr.rdvnumerique.appointment.AppointmentRescheduled;
import fr.rdvnumerique.appointment.AppointmentStatus;
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
 * What the mails, reminders and staff notices about an appointment say, from the appointment module's
 * {@link AppointmentDetails}. Plain French, one idea per sentence; the layout adds when, where, access, what to
 * bring, the private link and the phone number.
 */
@Component
class AppointmentMails {

    static final String SUBJECT_TYPE = "APPOINTMENT";

    private final MailComposer texts;
    private final TerritoryDirectory territory;
    private final PublicUrls urls;

    AppointmentMails(MailComposer texts, TerritoryDirectory territory, PublicUrls urls) {
        this.texts = texts;
        this.territory = territory;
        this.urls = urls;
    }

    static SubjectRef subject(long appointmentId) {
        return SubjectRef.of(SUBJECT_TYPE, appointmentId);
    }

    /**
     * Reminders go to people who accepted them and can be told (a mail, a text message or a call), for an
     * appointment still booked.
     */
    static ReminderSubject reminders(AppointmentDetails a) {
        return new ReminderSubject(subject(a.id()), a.structureId(), ReminderActivity.APPOINTMENT, a.motifId(),
                a.start(), a.status() == AppointmentStatus.BOOKED && a.wantsReminders() && contact(a).reachable());
    }

    static ResidentContact contact(AppointmentDetails a) {
        return new ResidentContact(a.personName(), a.email(), a.phone(), a.noticeBy());
    }

    static Optional<Recipient> recipient(AppointmentDetails a) {
        return a.email() == null ? Optional.empty() : Optional.of(Recipient.of(a.email(), a.personName()));
    }

    MailEvent event(AppointmentDetails a) {
        return new MailEvent(texts.message("notification.appointment.what", a.motifLabel()), a.start(), a.end(),
                a.placeId());
    }

    MailRequest booked(AppointmentDetails a, int sequence, Recipient to) {
        String when = dayAndTime(a.start());
        var paragraphs = new ArrayList<String>();
        paragraphs.add(texts.message("notification.appointment.with", a.advisorName()));
        paragraphs.add(texts.message("notification.free"));
        if (a.aidantsConnect()) {
            paragraphs.add(texts.message("notification.appointment.aidants-connect"));
        }
        return request(MessageKind.APPOINTMENT_BOOKED, a, sequence, to,
                "notification.appointment.booked.subject",
                "notification.appointment.booked.heading", when, paragraphs, true, CalendarMethod.REQUEST);
    }

    MailRequest moved(AppointmentDetails a, AppointmentRescheduled e, Recipient to) {
        String when = dayAndTime(e.start());
        var paragraphs = List.of(texts.message("notification.appointment.moved.before", dayAndTime(e.previousStart())),
                texts.message("notification.appointment.moved.now", when),
                texts.message("notification.appointment.with", a.advisorName()));
        return request(MessageKind.APPOINTMENT_MOVED, a, e.sequence(), to,
                "notification.appointment.moved.subject",
                "notification.appointment.moved.heading", when, paragraphs, true, CalendarMethod.REQUEST);
    }

    MailRequest cancelled(AppointmentDetails a, AppointmentCancelled e, Recipient to) {
        String when = dayAndTime(e.start());
        var paragraphs = new ArrayList<String>();
        if (e.cancelledBy() == CancelledBy.PERSON) {
            paragraphs.add(texts.message("notification.appointment.cancelled.by-person", when));
        } else {
            paragraphs.add(texts.message("notification.appointment.cancelled.by-staff", when));
            if (e.reason() != null && !e.reason().isBlank()) {
                paragraphs.add(texts.message("notification.appointment.cancelled.reason", e.reason().strip()));
            }
        }
        territory.structure(a.structureId()).ifPresent(s -> paragraphs.add(
                texts.message("notification.appointment.book-again", urls.of(ResidentPaths.booking(s.slug())))));
        return request(MessageKind.APPOINTMENT_CANCELLED, a, e.sequence(), to,
                "notification.appointment.cancelled.subject",
                "notification.appointment.cancelled.heading", when, paragraphs, false, CalendarMethod.CANCEL);
    }

    /** To the former address: the contact changed, mails go elsewhere now; call us if it was not you. No link. */
    MailRequest contactChanged(AppointmentDetails a, int sequence, Recipient to) {
        String when = dayAndTime(a.start());
        var content = new MailContent(texts.message("notification.contact-changed.appointment.subject", when),
                texts.message("notification.contact-changed.heading"),
                List.of(texts.message("notification.contact-changed.appointment.text", when),
                        texts.message("notification.contact-changed.not-you")), null, List.of(), false);
        return MailRequest.of(MessageKind.CONTACT_CHANGED, a.structureId(), subject(a.id()), sequence, to, content, null);
    }

    MailRequest reminder(AppointmentDetails a, Recipient to) {
        String when = dayAndTime(a.start());
        var paragraphs = List.of(texts.message("notification.reminder.expected", when),
                texts.message("notification.appointment.with", a.advisorName()));
        return request(MessageKind.REMINDER, a, a.sequence(), to,
                "notification.appointment.reminder.subject",
                "notification.appointment.reminder.heading", when, paragraphs, true, null, true);
    }

    private MailRequest request(MessageKind kind, AppointmentDetails a, int sequence, Recipient to, String subjectKey,
                                String headingKey, String when, List<String> paragraphs, boolean link,
                                CalendarMethod invitation) {
        return request(kind, a, sequence, to, subjectKey, headingKey, when, paragraphs, link, invitation, false);
    }

    private MailRequest request(MessageKind kind, AppointmentDetails a, int sequence, Recipient to, String subjectKey,
                                String headingKey, String when, List<String> paragraphs, boolean link,
                                CalendarMethod invitation, boolean presence) {
        var content = new MailContent(texts.message(subjectKey, when), texts.message(headingKey),
                paragraphs, event(a),
                invitation == CalendarMethod.CANCEL ? List.of() : MailContent.lines(a.whatToBring()), link, presence);
        return MailRequest.of(kind, a.structureId(), subject(a.id()), sequence, to, content, invitation);
    }

    // --- Text messages and calls, for people without a mail address ----------------------------------------------

    ShortNotice bookedBrief(AppointmentDetails a, int sequence) {
        String when = SmsWhen.of(a.start());
        String place = placeName(a.placeId());
        return new ShortNotice(MessageKind.APPOINTMENT_BOOKED, a.structureId(), a.advisorId(), subject(a.id()), sequence,
                texts.message("notification.sms.appointment.booked", when, place, a.advisorName(),
                        ManagementLinkIssuer.PLACEHOLDER),
                CallReason.CONFIRMATION, texts.message("notification.call.appointment.confirmation", when, place,
                        a.advisorName()), a.start(), "");
    }

    ShortNotice reminderBrief(AppointmentDetails a) {
        String when = SmsWhen.of(a.start());
        String place = placeName(a.placeId());
        return new ShortNotice(MessageKind.REMINDER, a.structureId(), a.advisorId(), subject(a.id()), a.sequence(),
                texts.message("notification.sms.appointment.reminder", when, place, a.advisorName(),
                        ManagementLinkIssuer.PRESENCE_PLACEHOLDER),
                CallReason.REMINDER, texts.message("notification.call.appointment.reminder", when, place,
                        a.advisorName()), a.start(), "");
    }

    ShortNotice movedBrief(AppointmentDetails a, AppointmentRescheduled e) {
        String when = SmsWhen.of(e.start());
        String place = placeName(a.placeId());
        Instant before = e.previousStart().isBefore(e.start()) ? e.previousStart() : e.start();
        return new ShortNotice(MessageKind.APPOINTMENT_MOVED, a.structureId(), e.advisorId(), subject(a.id()),
                e.sequence(), texts.message("notification.sms.appointment.moved", when, place, a.advisorName(),
                        ManagementLinkIssuer.PLACEHOLDER),
                CallReason.TIME_CHANGE, texts.message("notification.call.appointment.time-change", when, place,
                        a.advisorName(), SmsWhen.of(e.previousStart())), before, "");
    }

    /** Only a cancellation by the structure is told by text or call: the person who cancelled knows. */
    ShortNotice cancelledBrief(AppointmentDetails a, AppointmentCancelled e) {
        if (e.cancelledBy() == CancelledBy.PERSON) {
            return null;
        }
        String when = SmsWhen.of(e.start());
        var structure = territory.structure(a.structureId());
        String by = structure.map(s -> s.named().withArticle()).orElse("");
        String questions = structure.map(StructureSummary::phone).filter(java.util.Objects::nonNull)
                .map(phone -> texts.message("notification.sms.questions", phone.display())).orElse("");
        return new ShortNotice(MessageKind.APPOINTMENT_CANCELLED, a.structureId(), e.advisorId(), subject(a.id()),
                e.sequence(), texts.message("notification.sms.appointment.cancelled", when, by, questions),
                CallReason.CANCELLATION, texts.message("notification.call.appointment.cancellation", when),
                e.start(), "");
    }

    private String placeName(long placeId) {
        return territory.place(placeId).map(PlaceSummary::name).orElse("");
    }

    // --- Staff --------------------------------------------------------------------------------------------------

    StaffNotice bookedNotice(AppointmentDetails a, int sequence) {
        return notice(a, a.advisorId(), "BOOKED", sequence,
                texts.message("notification.staff.appointment.booked", dayAndTime(a.start()), a.personName()),
                List.of());
    }

    StaffNotice movedNotice(AppointmentDetails a, AppointmentRescheduled e, long advisorId) {
        return notice(a, advisorId, "MOVED", e.sequence(),
                texts.message("notification.staff.appointment.moved", dayAndTime(e.start()), a.personName()),
                List.of(texts.message("notification.staff.appointment.before", dayAndTime(e.previousStart()))));
    }

    StaffNotice cancelledNotice(AppointmentDetails a, AppointmentCancelled e) {
        return notice(a, e.advisorId(), "CANCELLED", e.sequence(),
                texts.message("notification.staff.appointment.cancelled", dayAndTime(e.start()), a.personName()),
                List.of(texts.message(e.cancelledBy() == CancelledBy.PERSON ? "notification.staff.appointment.by-person"
                        : "notification.staff.appointment.by-staff")));
    }

    private StaffNotice notice(AppointmentDetails a, long advisorId, String change, int sequence, String summary,
                               List<String> more) {
        var details = new ArrayList<String>();
        details.add(texts.message("notification.staff.appointment.motif", a.motifLabel()));
        territory.place(a.placeId()).map(PlaceSummary::name)
                .ifPresent(place -> details.add(texts.message("notification.staff.appointment.place", place)));
        details.addAll(more);
        return new StaffNotice(a.structureId(), advisorId, subject(a.id()), change, sequence,
                StaffNotice.oneLine(summary), details);
    }
}
