package fr.rdvnumerique.base.time;

import java.time.ZoneId;

/** The service works on French local time, whatever the server's time zone. */
public final class ParisTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private ParisTime() {
    }
}
