package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.notification.domain.StaffNote;

import java.time.Duration;
import java.time.Instant;

/**
 * A reminder planned for a subject.
 *
 * @param dueAt  when it goes out (null when skipped)
 * @param status PENDING, QUEUED (turned into a message), SKIPPED (too late, nothing to remind), CANCELLED, or
 *               FAILED (its mail could not be written, see the note)
 */
public record ScheduledReminder(SubjectRef subject, Duration offset, Instant startsAt, Instant dueAt, String status,
                                StaffNote note) {
}
