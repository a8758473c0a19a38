package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.taxonomy.Theme;
import java.time.Instant;
import java.util.Set;

/**
 * A booking staff make on someone's behalf (phone call, visit).
 *
 * @param advisorId the advisor chosen (the booking is refused when they are busy then), or null for whoever is free
 * @param themes    what the person wants to learn, as they said it: pre-fills the activity record
 */
public record StaffBooking(long placeId, long motifId, Instant start, Long advisorId, String personName, String email,
                           String phone, boolean wantsReminders, String needs, Set<Theme> themes) {

    public StaffBooking {
        themes = themes == null ? Set.of() : Set.copyOf(themes);
    }

    /** Without themes. */
    public StaffBooking(long placeId, long motifId, Instant start, Long advisorId, String personName, String email,
                        String phone, boolean wantsReminders, String needs) {
        this(placeId, motifId, start, advisorId, personName, email, phone, wantsReminders, needs, Set.of());
    }
}
