package fr.rdvnumerique.notification.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * The activity a mail is about: what, when, and where (a place of the territory, whose address, access,
 * transport and parking the mail shows).
 *
 * @param what    e.g. "Atelier « Découvrir sa tablette »" or "Rendez-vous : aide aux démarches en ligne"
 * @param placeId the territory place; its details are read when the mail is rendered
 */
public record MailEvent(String what, Instant start, Instant end, long placeId) {

    public MailEvent {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("End must be after start");
        }
    }
}
