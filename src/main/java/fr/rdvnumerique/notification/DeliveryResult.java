package fr.rdvnumerique.notification;

/**
 * What happened to one message of a batch.
 *
 * @param error     short reason, no stack trace; null when delivered
 * @param permanent the server refused for good (unknown address): no point retrying
 */
public record DeliveryResult(long id, String error, boolean permanent) {

    public static DeliveryResult delivered(long id) {
        return new DeliveryResult(id, null, false);
    }

    public static DeliveryResult failed(long id, String error, boolean permanent) {
        return new DeliveryResult(id, error == null ? "?" : error, permanent);
    }

    public boolean ok() {
        return error == null;
    }
}
