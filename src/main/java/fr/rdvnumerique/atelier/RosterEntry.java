package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Channel;
import java.time.Instant;

/** One registration in the staff's session screen. */
public record RosterEntry(long registrationId, String firstName, String lastName, String companionName, int seats,
                         String email, String phone, RegistrationStatus status, Integer position, Channel channel,
                         Instant createdAt, Instant confirmedAt, Attendance attendance, boolean wantsReminders,
                         Instant cancelledAt, CancelledBy cancelledBy) {

    /** "Dupont Marie", for sorting and sign-in sheets. */
    public String sortName() {
        return lastName + " " + firstName;
    }
}
