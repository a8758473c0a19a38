package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Channel;
import java.time.Instant;

/**
 * One registration in the staff's session screen.
 *
 * @param presenceConfirmedAt when the person said « Je viens » (from the link of a reminder), or null
 * @param offerExpiresAt      until when a freed seat is held for this waiting person, or null without offer
 */
public record RosterEntry(long registrationId, String firstName, String lastName, String companionName, int seats,
                         String email, String phone, RegistrationStatus status, Integer position, Channel channel,
                         Instant createdAt, Instant confirmedAt, Attendance attendance, boolean wantsReminders,
                         Instant cancelledAt, CancelledBy cancelledBy, Instant presenceConfirmedAt,
                         Instant offerExpiresAt) {

    /** "Dupont Marie", for sorting and sign-in sheets. */
    public String sortName() {
        return lastName + " " + firstName;
    }
}
