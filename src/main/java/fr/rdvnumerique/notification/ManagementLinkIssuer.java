package fr.rdvnumerique.notification;

/**
 * SPI: mints the private link that lets a person cancel or move what they booked. Implemented by the module
 * that owns the subject (atelier registrations, appointments), which stores only the token's hash.
 *
 * <p>Mails are stored with {@link #PLACEHOLDER} where the link goes (text, HTML, and the calendar's
 * {@code DESCRIPTION}; {@link #URL_PLACEHOLDER} in its {@code URL}). The dispatcher asks for a fresh token when
 * it sends the mail, so no working link is ever written to the outbox.
 */
public interface ManagementLinkIssuer {

    /** Where the link goes in stored text and HTML. */
    String PLACEHOLDER = "{{lien-de-gestion}}";

    /** Where the link goes in a stored calendar's URL property (which must be a valid URI). */
    String URL_PLACEHOLDER = "urn:x-rdv-numerique:lien-de-gestion";

    /** Whether this issuer owns subjects of this type, e.g. {@code APPOINTMENT}. */
    boolean supports(String subjectType);

    /**
     * A new token for the subject, whose hash the owning module has stored (in its own transaction). Called
     * once per message actually handed to the mail server (a confirmation, then a reminder… each get their own),
     * and again if that attempt fails and the message is retried: earlier tokens should stay valid as long as
     * the subject is open, so that the link of an older mail still works.
     *
     * @throws RuntimeException when the subject no longer exists; the dispatcher retries later, then gives up
     */
    String issueToken(long subjectId);

    /** The path of the management page for a token, e.g. {@code /rendez-vous/gerer/<token>}. */
    String path(String token);
}
