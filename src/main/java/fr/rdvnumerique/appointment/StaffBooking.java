package fr.rdvnumerique.appointment;

import java.time.Instant;

/**
 * A booking staff make on someone's behalf (phone call, visit).
 *
 * @param advisorId the advisor wanted, or null for whoever is free
 */
public record StaffBooking(long placeId, long motifId, Instant start, Long advisorId, String personName, String email,
                           String phone, boolean wantsReminders, String needs) {
}
