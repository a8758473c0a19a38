package fr.rdvnumerique.notification.jobs;

import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.notification.domain.QuietHours;
import fr.rdvnumerique.notification.domain.ReminderRepository;
import fr.rdvnumerique.notification.domain.StaffNote;
import fr.rdvnumerique.notification.domain.StaffNote.Code;
import fr.rdvnumerique.notification.internal.NotificationSettings;
import fr.rdvnumerique.notification.internal.ResidentNotices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns due reminders into outbox messages (a mail or a text message) or calls on the « À appeler » list, each
 * exactly once: a reminder is locked on its own
 * ({@code FOR UPDATE SKIP LOCKED}, still PENDING), its message enqueued and the reminder marked QUEUED in the
 * same transaction, and the message's deduplication key (subject, offset, start) would refuse a second copy
 * anyway. Two instances, or a restart in the middle, cannot send it twice.
 *
 * <p>The quiet hours are checked again here: a reminder found due at night (the application was stopped when it
 * was due) waits for the morning, or is skipped if the activity starts before. A reminder whose mail cannot be
 * written is tried again a few times, then marked FAILED with the reason.
 */
public class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);
    static final Duration RETRY_AFTER_ERROR = Duration.ofMinutes(10);
    static final int MAX_ATTEMPTS = 5;

    private final ReminderRepository reminders;
    private final ResidentNotices notices;
    private final List<ReminderComposer> composers;
    private final ConflictRetry retry;
    private final Clock clock;
    private final QuietHours quietHours;
    private final int batchSize;

    public ReminderJob(ReminderRepository reminders, ResidentNotices notices, List<ReminderComposer> composers,
                       ConflictRetry retry, Clock clock, NotificationSettings.Reminders settings) {
        this.reminders = reminders;
        this.notices = notices;
        this.composers = List.copyOf(composers);
        this.retry = retry;
        this.clock = clock;
        this.quietHours = QuietHours.of(settings);
        this.batchSize = settings.batchSize();
    }

    /** What one run did. */
    public record Report(int queued, int skipped, int waiting, int errors) {
    }

    private enum Outcome { QUEUED, SKIPPED, WAITING, TAKEN }

    public Report runOnce() {
        int queued = 0;
        int skipped = 0;
        int waiting = 0;
        int errors = 0;
        while (true) {
            List<Long> candidates = reminders.due(clock.instant(), batchSize);
            int progress = 0;
            for (long id : candidates) {
                Outcome outcome;
                try {
                    outcome = retry.inTransaction(() -> handle(id));
                } catch (RuntimeException e) {
                    log.error("Reminder {} could not be composed; trying again in {}", id, RETRY_AFTER_ERROR,
                            fr.rdvnumerique.base.ops.LogSafe.redact(e));
                    Instant now = clock.instant();
                    reminders.failAttempt(id, now.plus(RETRY_AFTER_ERROR), StaffNote.of(Code.REMINDER_ERROR, shortly(e)), MAX_ATTEMPTS, now);
                    errors++;
                    progress++;
                    continue;
                }
                switch (outcome) {
                    case QUEUED -> queued++;
                    case SKIPPED -> skipped++;
                    case WAITING -> waiting++;
                    case TAKEN -> { }
                }
                if (outcome != Outcome.TAKEN) {
                    progress++;
                }
            }
            if (candidates.size() < batchSize || progress == 0) {
                return new Report(queued, skipped, waiting, errors);
            }
        }
    }

    private Outcome handle(long id) {
        var locked = reminders.lockPending(id);
        if (locked.isEmpty()) {
            return Outcome.TAKEN; // another runner has it, or had it
        }
        var row = locked.get();
        Instant now = clock.instant();
        if (!row.startsAt().isAfter(now)) {
            reminders.done(id, "SKIPPED", StaffNote.of(Code.REMINDER_ACTIVITY_STARTED), now);
            return Outcome.SKIPPED;
        }
        if (quietHours.isQuiet(now)) {
            Instant morning = quietHours.nextAllowed(now);
            if (!morning.isBefore(row.startsAt())) {
                reminders.done(id, "SKIPPED", StaffNote.of(Code.REMINDER_NIGHT_TOO_LATE), now);
                return Outcome.SKIPPED;
            }
            reminders.postpone(id, morning, StaffNote.of(Code.REMINDER_NIGHT_WAITS));
            return Outcome.WAITING;
        }
        var composer = composers.stream().filter(c -> c.supports(row.subject().type())).findFirst();
        if (composer.isEmpty()) {
            reminders.done(id, "SKIPPED", StaffNote.of(Code.REMINDER_NO_COMPOSER, row.subject().type()), now);
            return Outcome.SKIPPED;
        }
        var request = composer.get().compose(row.subject().id(), row.offset(), row.startsAt());
        if (request.isEmpty()) {
            reminders.done(id, "SKIPPED", StaffNote.of(Code.REMINDER_NOTHING_LEFT), now);
            return Outcome.SKIPPED;
        }
        String discriminator = "rappel-" + row.offsetMinutes() + "-" + row.startsAt().getEpochSecond();
        notices.send(request.get().withDiscriminator(discriminator));
        reminders.done(id, "QUEUED", null, now);
        return Outcome.QUEUED;
    }

    private static String shortly(Throwable e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        return text.length() > 180 ? text.substring(0, 180) : text;
    }
}
