package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.taxonomy.Theme;
import java.time.Instant;
import java.util.Set;

/**
 * A booking as the resident (web, kiosk) or a staff member typed it. Values are checked by the service, which
 * answers with a {@link BookingResult} and never half-saves.
 *
 * @param start         the chosen slot's start, as offered by {@link AppointmentBooking#freeSlots}
 * @param themes        what the person wants to learn (optional): pre-fills the activity record
 * @param needs         the person's own words (optional, at most 500 characters)
 * @param deviceId      the kiosk's id (at most 64 characters), null otherwise
 * @param clientAddress the web client's address, for the per-address limit (null for kiosk and staff)
 */
public record BookingRequest(long placeId, long motifId, Instant start, String personName, String email, String phone,
                             boolean wantsReminders, Set<Theme> themes, String needs, Channel channel, String deviceId,
                             String clientAddress) {

    public BookingRequest {
        themes = themes == null ? Set.of() : Set.copyOf(themes);
    }
}
