package fr.rdvnumerique.notification.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * What a subject's reminders depend on, as the owning module's data says now.
 *
 * @param overrideId the motif (appointments) or workshop (ateliers) whose own setting wins over the structure's
 * @param wanted     the person accepted reminders, can receive them, and the subject is still on
 */
public record ReminderSubject(SubjectRef subject, long structureId, ReminderActivity activity, Long overrideId,
                              Instant start, boolean wanted) {

    public ReminderSubject {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(start, "start");
    }
}
