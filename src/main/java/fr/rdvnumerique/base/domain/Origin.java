package fr.rdvnumerique.base.domain;

/**
 * Where a resident's request comes from: its {@link Channel}, and what the rate limit counts it against — the web
 * client's address, or the kiosk's id (kept with the registration or appointment). Staff requests count against
 * nothing: staff know the person. Built by our own screens, never typed by a person, so a wrong one is a
 * programming error.
 *
 * @param source the client address (web), the kiosk's id (kiosk), null (staff)
 */
public record Origin(Channel channel, String source) {

    /** A kiosk's id is at most this long (the column that keeps it). */
    public static final int MAX_DEVICE_ID = 64;

    public Origin {
        if (channel == null) {
            throw new IllegalArgumentException("A request has a channel");
        }
        source = source == null || source.isBlank() ? null : source.strip();
        switch (channel) {
            case WEB -> require(source != null, "A web request has the client's address");
            case KIOSK -> require(source != null && source.length() <= MAX_DEVICE_ID,
                    "A kiosk request has the kiosk's id, at most " + MAX_DEVICE_ID + " characters");
            case STAFF -> require(source == null, "A staff request has no source");
        }
    }

    public static Origin web(String clientAddress) {
        return new Origin(Channel.WEB, clientAddress);
    }

    public static Origin kiosk(String deviceId) {
        return new Origin(Channel.KIOSK, deviceId);
    }

    public static Origin staff() {
        return new Origin(Channel.STAFF, null);
    }

    /** The kiosk's id, or null for the other channels. */
    public String deviceId() {
        return channel == Channel.KIOSK ? source : null;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
