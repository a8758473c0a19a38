package fr.rdvnumerique.atelier;

import java.util.List;

/** The answer to a registration: what to tell the person. */
public sealed interface RegistrationResult {

    /**
     * A seat (or two) is theirs.
     *
     * @param managementToken the private link's token, for the confirmation screen; it is stored only as a hash
     */
    record Confirmed(long registrationId, int seats, String managementToken) implements RegistrationResult {
    }

    /** The session is full: they are on the waiting list at {@code position} (1 = next in line). */
    record Waitlisted(long registrationId, int seats, int position, String managementToken)
            implements RegistrationResult {
    }

    /**
     * This email or phone is already registered for the session: nothing new was created. No link is given
     * here (anyone can type someone's email); the person uses the link they already have.
     */
    record AlreadyRegistered(long registrationId, RegistrationStatus status, Integer position)
            implements RegistrationResult {
    }

    /** Not possible: the key says why (closed, cancelled, too many registrations…). */
    record Rejected(String reasonKey, List<Object> arguments) implements RegistrationResult {

        public Rejected {
            arguments = List.copyOf(arguments);
        }
    }
}
