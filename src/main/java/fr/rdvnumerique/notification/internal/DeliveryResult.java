package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.notification.domain.StaffNote;

/**
 * What happened to one message of a batch.
 *
 * @param error     why it did not leave, for the outbox screen (no stack trace); null when delivered
 * @param permanent the server refused for good (unknown address): no point retrying
 */
public record DeliveryResult(long id, StaffNote error, boolean permanent) {

    public static DeliveryResult delivered(long id) {
        return new DeliveryResult(id, null, false);
    }

    public static DeliveryResult failed(long id, StaffNote error, boolean permanent) {
        return new DeliveryResult(id, error == null ? StaffNote.of(StaffNote.Code.TEXT, "?") : error, permanent);
    }

    public boolean ok() {
        return error == null;
    }
}
