package fr.rdvnumerique.notification.internal;

/**
 * A message as a channel delivers it: content final, private link already in place.
 *
 * @param messageId deterministic {@code Message-ID} derived from the deduplication key
 * @param ics       the iCalendar text, or null
 * @param icsMethod REQUEST or CANCEL when {@code ics} is set
 */
public record OutgoingMessage(long id, String messageId, String recipient, String recipientName, String replyTo,
                              String subject, String text, String html, String ics, CalendarMethod icsMethod) {
}
