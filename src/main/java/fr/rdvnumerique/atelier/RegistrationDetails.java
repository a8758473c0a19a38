package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.domain.NoticeChoice;
import java.time.Instant;

/**
 * Everything a mail or a reminder about a registration needs (for the notification module). Read it when
 * handling an event: it reflects the registration as it is now, and {@code sequence} says which version that is.
 *
 * @param workshopId   for the workshop's own reminder setting
 * @param advisorId    whose agenda the session is in (staff notices)
 * @param email        null when the person gave only a phone
 * @param phone        E.164, or null
 * @param position     place on the waiting list, or null
 */
public record RegistrationDetails(long registrationId, long sessionId, long structureId, long workshopId,
                                  long advisorId, String firstName, String lastName, String companionName, int seats,
                                  String email, String phone,
                                  boolean wantsReminders, RegistrationStatus status, Integer position, Channel channel,
                                  int sequence, String sessionTitle, String sessionDescription, String whatToBring,
                                  String equipmentProvided, Instant start, Instant end, long placeId,
                                  SessionStatus sessionStatus, NoticeChoice noticeBy) {

    /** Without a recorded choice of how to be told. */
    public RegistrationDetails(long registrationId, long sessionId, long structureId, long workshopId,
                               long advisorId, String firstName, String lastName, String companionName, int seats,
                               String email, String phone,
                               boolean wantsReminders, RegistrationStatus status, Integer position, Channel channel,
                               int sequence, String sessionTitle, String sessionDescription, String whatToBring,
                               String equipmentProvided, Instant start, Instant end, long placeId,
                               SessionStatus sessionStatus) {
        this(registrationId, sessionId, structureId, workshopId, advisorId, firstName, lastName, companionName, seats,
                email, phone, wantsReminders, status, position, channel, sequence, sessionTitle, sessionDescription,
                whatToBring, equipmentProvided, start, end, placeId, sessionStatus, null);
    }
}
