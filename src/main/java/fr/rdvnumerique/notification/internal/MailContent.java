package fr.rdvnumerique.notification.internal;

import java.util.List;
import java.util.Objects;

/**
 * What a mail says, in plain French, before layout. The templates add the rest: the date written out, the
 * place with its access, what to bring, the private link to cancel or move, and the service's phone number.
 *
 * @param subject        the mail's subject line
 * @param heading        the first, large line ("Votre rendez-vous est confirmé")
 * @param paragraphs     short sentences, one per paragraph
 * @param event          the activity (what, when, where), or null for a staff notice or digest
 * @param toBring        what to bring, one item per line (may be empty)
 * @param managementLink add the "cancel or move" part with the private link minted at send time
 * @param presenceLink   add the « Je viens / Je ne pourrai pas venir » button (reminders, seat offers), to the
 *                       presence page of the same link
 */
public record MailContent(String subject, String heading, List<String> paragraphs, MailEvent event,
                          List<String> toBring, boolean managementLink, boolean presenceLink) {

    public MailContent(String subject, String heading, List<String> paragraphs, MailEvent event,
                       List<String> toBring, boolean managementLink) {
        this(subject, heading, paragraphs, event, toBring, managementLink, false);
    }

    public MailContent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(heading, "heading");
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        toBring = toBring == null ? List.of() : List.copyOf(toBring);
        if (presenceLink && !managementLink) {
            throw new IllegalArgumentException("The presence page is reached through the booking's private link");
        }
        if (subject.isBlank() || subject.length() > 300 || subject.contains("\n")) {
            throw new IllegalArgumentException("A subject is one line of at most 300 characters");
        }
    }

    /** A list typed one item per line (what to bring), without blank lines; empty for null. */
    public static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** A notice without activity, link or list (staff mails). */
    public static MailContent notice(String subject, String heading, List<String> paragraphs) {
        return new MailContent(subject, heading, paragraphs, null, List.of(), false, false);
    }
}
