package fr.rdvnumerique.notification.jobs;

import fr.rdvnumerique.notification.internal.MessageKind;
import fr.rdvnumerique.notification.internal.ResidentNotice;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes the reminder for a subject when it is due, from the owning module's current data (place, time, the
 * person's choices), read through that module's public services. Implemented in this module for atelier
 * registrations and appointments.
 */
public interface ReminderComposer {

    boolean supports(String subjectType);

    /**
     * The reminder to send (a mail, or a text message or call for people without an address), or empty when there is nothing to remind any more (cancelled, moved, no address, the
     * person withdrew their consent). Called inside the reminder job's transaction. The mail's and the short notice's kind should be
     * {@link MessageKind#REMINDER}; the job makes its deduplication key unique per offset and start time.
     */
    Optional<ResidentNotice> compose(long subjectId, Duration offset, Instant start);
}
