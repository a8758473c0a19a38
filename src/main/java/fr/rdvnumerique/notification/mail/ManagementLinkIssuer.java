package fr.rdvnumerique.notification.mail;

/**
 * Mints the private link that lets a person cancel or move what they booked. Implemented in this module for each
 * kind of subject (atelier registrations, appointments), by asking the owning module's public service for a new
 * token; that module stores only the token's hash and never calls the notification module.
 *
 * <p>Mails are stored with {@link #PLACEHOLDER} where the link goes (text, HTML, and the calendar's
 * {@code DESCRIPTION}; {@link #URL_PLACEHOLDER} in its {@code URL}). The dispatcher asks for a fresh token when
 * it sends the mail, so no working link is ever written to the outbox.
 */
public interface ManagementLinkIssuer {

    /** Where the link goes in stored text and HTML. */
    String PLACEHOLDER = "{{lien-de-gestion}}";

    /**
     * Where the link to the « Je viens / Je ne pourrai pas venir » page goes in stored text and HTML: the same token
     * as {@link #PLACEHOLDER}, on {@link #presencePath(String)}.
     */
    String PRESENCE_PLACEHOLDER = "{{lien-de-presence}}";

    /** Where the link goes in a stored calendar's URL property (which must be a valid URI). */
    String URL_PLACEHOLDER = "urn:x-rdv-numerique:lien-de-gestion";

    /** Whether this issuer owns subjects of this type, e.g. {@code APPOINTMENT}. */
    boolean supports(String subjectType);

    /**
     * A new token for the subject, whose hash the owning module has stored (in its own transaction). Called
     * once per message actually handed to the mail server (a confirmation, then a reminder… each get their own),
     * and again if that attempt fails and the message is retried: earlier tokens stay valid as long as the
     * subject exists, so that the link of an older mail still works.
     *
     * @throws RuntimeException when the subject no longer exists; the dispatcher retries later, then gives up
     */
    String issueToken(long subjectId);

    /** The path of the management page for a token, relative to the public address, e.g. {@code rendez-vous/<token>}. */
    String path(String token);

    /**
     * The path of the « Je viens / Je ne pourrai pas venir » page for a token (reminders and offers link to it; SMS
     * texts too), e.g. {@code rendez-vous/<token>/presence}. Opening it changes nothing: the person presses a button.
     */
    default String presencePath(String token) {
        return path(token) + "/presence";
    }
}
