package fr.rdvnumerique.notification;

import java.util.List;

/**
 * A way to deliver messages. Only e-mail exists: there is no SMS provider, and nothing pretends to send one.
 * A provider would implement this for its channel name and the outbox would gain that channel value.
 */
public interface NotificationChannel {

    /** The channel name stored with each message, e.g. {@code EMAIL}. */
    String name();

    /** Delivers a batch (one connection where the transport allows it); one result per message, any order. */
    List<DeliveryResult> deliver(List<OutgoingMessage> batch);
}
