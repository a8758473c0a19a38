package fr.rdvnumerique.notification.internal;

import java.util.Objects;
import java.util.function.Function;

/**
 * One thing to tell a resident, in every form it may take: the mail (built only when they get mails) and the
 * short notice (a text message, or the staff's call). {@link ResidentNotices#send} picks the way.
 *
 * @param brief null for a notice that only goes by mail
 */
public record ResidentNotice(ResidentContact to, Function<Recipient, MailRequest> mail, ShortNotice brief) {

    public ResidentNotice {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(mail, "mail");
    }

    /** A mail-only notice to an address (tests, staff-side texts). */
    public static ResidentNotice mailOnly(MailRequest request) {
        return new ResidentNotice(new ResidentContact(request.recipient().name(),
                request.recipient().address().value(), null, null), to -> request, null);
    }

    /** The same notice told apart from its siblings (each reminder offset and start). */
    public ResidentNotice withDiscriminator(String value) {
        return new ResidentNotice(to, recipient -> mail.apply(recipient).withDiscriminator(value),
                brief == null ? null : brief.withDiscriminator(value));
    }
}
