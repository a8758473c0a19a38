package fr.rdvnumerique.notification.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * A notice in a few words, for people without a mail address: the text message (with the private link's
 * placeholder where the link goes) and what staff say on the phone.
 *
 * @param advisorId     whose « À appeler » list the call goes to (null: the structure's)
 * @param sms           the text message (French, written out; the link as {@code ManagementLinkIssuer.PLACEHOLDER})
 * @param reason        why staff call
 * @param call          what staff tell on the phone
 * @param tellBefore    when the call is no longer of use (the activity's start, or the earlier one of a change)
 * @param discriminator tells apart notices sharing everything else (reminders); usually empty
 */
public record ShortNotice(MessageKind kind, long structureId, Long advisorId, SubjectRef subject, int sequence,
                          String sms, CallReason reason, String call, Instant tellBefore,
                          String discriminator) {

    public ShortNotice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(tellBefore, "tellBefore");
        discriminator = discriminator == null ? "" : discriminator;
    }

    public ShortNotice withDiscriminator(String value) {
        return new ShortNotice(kind, structureId, advisorId, subject, sequence, sms, reason, call, tellBefore,
                value);
    }

    /** Like a mail's: kind, subject, sequence, where it goes, and the discriminator. */
    public String dedupKey(String channel, String to) {
        String key = kind + ":" + subject.type() + ":" + subject.id() + ":" + sequence + ":" + channel + ":" + to;
        return discriminator.isEmpty() ? key : key + ":" + discriminator;
    }
}
