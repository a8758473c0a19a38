package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.notification.domain.StaffNote;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A way to deliver messages. Only e-mail exists: there is no SMS provider, and nothing pretends to send one.
 * A provider would implement this for its channel name and the outbox would gain that channel value.
 */
public interface NotificationChannel {

    /** The channel name stored with each message, e.g. {@code EMAIL}. */
    String name();

    /**
     * Why the channel cannot deliver right now (e.g. the mail server does not answer), or empty. Asked before
     * each batch, so that private links are not minted for messages that cannot leave.
     */
    default Optional<StaffNote> unavailable() {
        return Optional.empty();
    }

    /** Delivers a batch (one connection where the transport allows it); one result per message, any order. */
    List<DeliveryResult> deliver(List<OutgoingMessage> batch);

    /**
     * Delivers a batch and tells each result to {@code each} as soon as it is known, before the next message leaves:
     * the outbox records a message as sent before sending another, so a node that dies in the middle of a batch
     * leaves at most the message in flight to be sent again by another (ADR 021). By default the results are told
     * together once the batch is done.
     */
    default List<DeliveryResult> deliver(List<OutgoingMessage> batch, Consumer<DeliveryResult> each) {
        List<DeliveryResult> results = deliver(batch);
        results.forEach(each);
        return results;
    }
}
