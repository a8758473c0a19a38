package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.domain.NoticeChoice;
import java.time.Instant;

/**
 * Everything a mail, a text message or a calendar entry needs about one appointment (for the notification
 * module). Contact values are null when the person did not give them.
 *
 * @param phone       E.164, e.g. "+33612345678"
 * @param motifId     for the motif's own reminder setting
 * @param whatToBring the motif's list, one item per line, or null
 * @param sequence    incremented at each change (iCalendar SEQUENCE)
 */
public record AppointmentDetails(long id, long structureId, long placeId, long advisorId, String advisorName,
                                 String personName, String email, String phone, boolean wantsReminders,
                                 AppointmentStatus status, long motifId, String motifLabel, boolean aidantsConnect,
                                 String whatToBring, Instant start, Instant end, int sequence, Channel channel,
                                 NoticeChoice noticeBy) {

    /** Without a recorded choice of how to be told. */
    public AppointmentDetails(long id, long structureId, long placeId, long advisorId, String advisorName,
                              String personName, String email, String phone, boolean wantsReminders,
                              AppointmentStatus status, long motifId, String motifLabel, boolean aidantsConnect,
                              String whatToBring, Instant start, Instant end, int sequence, Channel channel) {
        this(id, structureId, placeId, advisorId, advisorName, personName, email, phone, wantsReminders, status, motifId,
                motifLabel, aidantsConnect, whatToBring, start, end, sequence, channel, null);
    }
}
