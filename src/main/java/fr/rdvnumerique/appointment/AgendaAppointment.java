package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.time.Instant;
import java.util.Set;

/**
 * An appointment as staff see it in the agenda. {@code phone} is shown in the national format;
 * {@code presenceConfirmedAt}: when the person said « Je viens » (from a reminder's link), or null.
 */
public record AgendaAppointment(long id, AppointmentStatus status, String personName, String email, String phone,
                                String needs, Set<Theme> themes, long motifId, String motifLabel, boolean aidantsConnect,
                                long placeId, String placeName, long advisorId, String advisorName, Instant start,
                                Instant end, Channel channel, CancelledBy cancelledBy, String cancelReason,
                                boolean recorded, Instant presenceConfirmedAt) {
}
