package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.domain.Channel;

/**
 * A person has a seat at a session (at registration time; see {@link RegistrationPromoted} for people who
 * were waiting).
 *
 * @param sequence the registration's change counter, for the iCalendar SEQUENCE of the invitation
 */
public record RegistrationConfirmed(long registrationId, long sessionId, long structureId, Channel channel,
                                    int sequence) {
}
