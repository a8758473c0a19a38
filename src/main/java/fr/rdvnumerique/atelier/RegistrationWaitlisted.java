package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.domain.Channel;

/** The session was full: the person is on the waiting list, at this position (1 = next in line). */
public record RegistrationWaitlisted(long registrationId, long sessionId, long structureId, Channel channel,
                                     int position, int sequence) {
}
