package fr.rdvnumerique.notification;

import java.time.Duration;
import java.time.Instant;

/**
 * A reminder planned for a subject.
 *
 * @param dueAt  when it goes out (null when skipped)
 * @param status PENDING, QUEUED (turned into a message), SKIPPED (too late, nothing to remind) or CANCELLED
 */
public record ScheduledReminder(SubjectRef subject, Duration offset, Instant startsAt, Instant dueAt, String status,
                                String note) {
}
