package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.notification.domain.MessageIds;
import fr.rdvnumerique.notification.domain.OutboxRepository;
import fr.rdvnumerique.notification.domain.OutboxRepository.NewMessage;
import fr.rdvnumerique.notification.mail.MailComposer;
import fr.rdvnumerique.notification.mail.ManagementLinkIssuer;
import fr.rdvnumerique.notification.sms.Gsm7;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.territory.StructureSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.time.Clock;
import java.util.ArrayList;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every outgoing message starts: {@link #enqueue(MailRequest)} renders it and stores it in the
 * caller's transaction. Nothing talks to the mail server here, so a booking never fails because mail is down;
 * the dispatcher delivers the message when it can.
 */
@Service
public class Outbox {

    static final int MAX_KEY_LENGTH = 500;
    /** The outbox's channel value of text messages. */
    public static final String SMS = "SMS";

    private final OutboxRepository messages;
    private final MailComposer composer;
    private final CalendarInvitations invitations;
    private final TerritoryDirectory territory;
    private final MailSettings mail;
    private final Clock clock;

    Outbox(OutboxRepository messages, MailComposer composer, CalendarInvitations invitations,
           TerritoryDirectory territory, MailSettings mail, Clock clock) {
        this.messages = messages;
        this.composer = composer;
        this.invitations = invitations;
        this.territory = territory;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * Renders and stores a message, due at once. Joins the caller's transaction (an event listener's, or the
     * business transaction itself), so the message exists if and only if what it tells about was committed.
     *
     * @return true if the message is new, false if the same message (same {@link MailRequest#dedupKey()})
     *         was already enqueued
     */
    @Transactional
    public boolean enqueue(MailRequest request) {
        String key = storableKey(request.dedupKey());
        if (messages.exists(key)) {
            return false; // no need to render it again; the insert below also refuses it under a race
        }
        StructureSummary structure = territory.structure(request.structureId())
                .orElseThrow(() -> new IllegalArgumentException("Unknown structure " + request.structureId()));
        PlaceSummary place = null;
        if (request.content().event() != null) {
            long placeId = request.content().event().placeId();
            place = territory.place(placeId).orElseThrow(() -> new IllegalArgumentException("Unknown place " + placeId));
        }
        var rendered = composer.render(request, structure, place);
        String ics = request.invitation() == null ? null : invitations.build(calendarEntry(request, structure, place));
        return messages.insert(new NewMessage(key, MessageIds.of(key, mail.domain()), "EMAIL", request.kind(),
                request.structureId(), request.subject(), request.sequence(), request.recipient().address().value(),
                request.recipient().name(), structure.email(), rendered.subject(), rendered.text(), rendered.html(), ics,
                request.invitation(), clock.instant(), null));
    }

    /**
     * Stores a text message, due at once, in the caller's transaction: the same outbox, dispatcher, retries and
     * « Envois » screen as mails. The text is put in the GSM 7-bit alphabet (one message holds 160 characters);
     * the private link is still a placeholder, minted when the message leaves.
     *
     * @param phone the E.164 number
     * @return false when the same message was already enqueued
     */
    @Transactional
    public boolean enqueueSms(ShortNotice notice, String phone, String name) {
        String key = storableKey(notice.dedupKey(SMS, phone));
        if (messages.exists(key)) {
            return false;
        }
        String text = Gsm7.normalize(notice.sms());
        // The « Envois » screen shows the text as it leaves, without the link (minted at send time).
        String link = composer.message("notification.outbox.sms.private-link");
        String line = text.replace(ManagementLinkIssuer.PLACEHOLDER, link)
                .replace(ManagementLinkIssuer.PRESENCE_PLACEHOLDER, link);
        return messages.insert(new NewMessage(key, MessageIds.of(key, mail.domain()), SMS, notice.kind(),
                notice.structureId(), notice.subject(), notice.sequence(), phone, name, null,
                line.length() > 300 ? line.substring(0, 299) + "…" : line, text, "", null, null, clock.instant(), null));
    }

    /** The calendar event of a mail: what and where, the private link (minted at send time), the phone number. */
    CalendarEntry calendarEntry(MailRequest request, StructureSummary structure, PlaceSummary place) {
        return calendarEntry(request.subject(), request.sequence(), request.invitation(),
                request.content().event(), structure, place,
                request.content().managementLink() ? ManagementLinkIssuer.PLACEHOLDER : null,
                new CalendarEntry.Party(request.recipient().name(), request.recipient().address().value()));
    }

    /**
     * A calendar event as mails and downloads describe it.
     *
     * @param managementLink the private page, or null when there is nothing left to manage
     */
    CalendarEntry calendarEntry(SubjectRef subject, int sequence, CalendarMethod method, MailEvent event,
                                StructureSummary structure, PlaceSummary place, String managementLink,
                                CalendarEntry.Party attendee) {
        var description = new ArrayList<String>();
        description.add(event.what());
        description.add(FrenchDates.dayAndTimeRange(event.start(), event.end()));
        description.add(MailComposer.location(place));
        description.add(composer.accessSentence(place));
        if (managementLink != null) {
            // An atelier registration's page shows and cancels it; an appointment's also moves it.
            description.add(composer.message(subject.type().startsWith("ATELIER") ? "notification.calendar.manage.atelier"
                    : "notification.calendar.manage", managementLink));
        }
        if (structure.phone() != null) {
            description.add(composer.message("notification.calendar.phone", structure.phone().display()));
        }
        return new CalendarEntry(invitations.uid(subject), sequence, method, event.start(), event.end(), event.what(),
                MailComposer.location(place), String.join("\n", description), managementLink, organizer(structure),
                attendee);
    }

    /** The structure's service address organises its activities; without one, the application's sender does. */
    static CalendarEntry.Party organizer(StructureSummary structure) {
        return structure.email() == null || structure.email().isBlank() ? null
                : new CalendarEntry.Party(structure.name(), structure.email());
    }

    /** Keys stay within the column: a very long one keeps its start and gains the hash of the whole. */
    public static String storableKey(String key) {
        return key.length() <= MAX_KEY_LENGTH ? key : key.substring(0, 400) + "#" + SecretTokens.hash(key);
    }
}
