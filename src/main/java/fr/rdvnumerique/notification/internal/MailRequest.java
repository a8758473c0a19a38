package fr.rdvnumerique.notification.internal;

import java.util.Locale;
import java.util.Objects;

/**
 * A message to send, as the atelier and appointment adapters describe it.
 *
 * <p>The deduplication key is {@code kind:subjectType:subjectId:sequence:recipient[:discriminator]}: asking
 * twice for the same message (an event delivered again) enqueues it once. A change of the subject (moved,
 * cancelled) must come with a higher {@code sequence}, which is also the iCalendar {@code SEQUENCE}.
 *
 * @param kind          why the message is sent
 * @param structureId   the structure whose service sends it (phone number, reply-to, outbox screen)
 * @param subject       what it is about; with {@code invitation}, also the calendar UID
 * @param sequence      0 for the first message about the subject, then one more for every change
 * @param invitation    REQUEST or CANCEL to attach an iCalendar invitation built from {@code content.event()},
 *                      or null for none
 * @param discriminator tells apart messages that share everything else (e.g. two reminders); usually empty
 */
public record MailRequest(MessageKind kind, long structureId, SubjectRef subject, int sequence, Recipient recipient,
                          MailContent content, CalendarMethod invitation, String discriminator) {

    public MailRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(content, "content");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0");
        }
        if (invitation != null && content.event() == null) {
            throw new IllegalArgumentException("An invitation needs the event (what, when, where)");
        }
        discriminator = discriminator == null ? "" : discriminator;
        if (discriminator.length() > 80 || discriminator.contains(":")) {
            throw new IllegalArgumentException("discriminator: at most 80 characters, no colon");
        }
    }

    public static MailRequest of(MessageKind kind, long structureId, SubjectRef subject, int sequence,
                                 Recipient recipient, MailContent content, CalendarMethod invitation) {
        return new MailRequest(kind, structureId, subject, sequence, recipient, content, invitation, "");
    }

    public MailRequest withDiscriminator(String value) {
        return new MailRequest(kind, structureId, subject, sequence, recipient, content, invitation, value);
    }

    public String dedupKey() {
        String key = kind + ":" + subject.type() + ":" + subject.id() + ":" + sequence + ":"
                + recipient.address().canonical().toLowerCase(Locale.ROOT);
        return discriminator.isEmpty() ? key : key + ":" + discriminator;
    }
}
