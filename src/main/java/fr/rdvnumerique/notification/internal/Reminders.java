package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.notification.domain.QuietHours;
import fr.rdvnumerique.notification.domain.ReminderPlanner;
import fr.rdvnumerique.notification.domain.ReminderRepository;
import fr.rdvnumerique.notification.domain.ReminderSettingRepository;
import fr.rdvnumerique.notification.domain.StaffNote;
import fr.rdvnumerique.notification.domain.StaffNote.Code;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders before appointments and atelier sessions. The event listeners of this module call {@link #plan} with
 * what the subject is now; times follow {@link ReminderPlanner} (whole days before: the same time on that day;
 * never at night; never in the past). The reminder job then turns each due reminder into one message.
 *
 * <p>Calls are idempotent: planning the same subject and start again (an event delivered twice) changes nothing,
 * and a reminder already sent is not sent again unless the start moved. Each subject's inputs are kept, so that a
 * change of setting plans the pending reminders again ({@link #replan}).
 */
@Service
public class Reminders {

    private final ReminderRepository reminders;
    private final ReminderSettingRepository settings;
    private final NotificationSettings.Reminders defaults;
    private final ReminderPlanner planner;
    private final Clock clock;

    Reminders(ReminderRepository reminders, ReminderSettingRepository settings, NotificationSettings notification,
              Clock clock) {
        this.reminders = reminders;
        this.settings = settings;
        this.defaults = notification.reminders();
        this.planner = new ReminderPlanner(QuietHours.of(defaults));
        this.clock = clock;
    }

    /**
     * Plans the reminders of a subject (a booking, a registration) with the offsets its setting gives; offsets no
     * longer wanted are cancelled, and nothing goes out when the subject is not {@code wanted}.
     */
    @Transactional
    public void plan(ReminderSubject subject) {
        reminders.saveSubject(subject, clock.instant());
        apply(subject);
    }

    /** The subject was cancelled: no reminder goes out, whatever the settings become. */
    @Transactional
    public void cancel(SubjectRef subject) {
        reminders.unwantSubject(subject, clock.instant());
        reminders.cancel(subject, StaffNote.of(Code.REMINDER_SUBJECT_CANCELLED));
    }

    /**
     * Plans again the upcoming subjects a setting change concerns: all of the structure's for the activity, or
     * those of one motif or workshop ({@code overrideId}).
     *
     * @return how many subjects were planned again
     */
    @Transactional
    public int replan(long structureId, ReminderActivity activity, Long overrideId) {
        var subjects = reminders.upcomingSubjects(structureId, activity, overrideId, clock.instant());
        subjects.forEach(this::apply);
        return subjects.size();
    }

    private void apply(ReminderSubject subject) {
        var existing = new HashMap<Integer, ReminderRepository.Row>();
        reminders.lockSubject(subject.subject()).forEach(row -> existing.put(row.offsetMinutes(), row));
        if (!subject.wanted()) {
            reminders.cancel(subject.subject(), StaffNote.of(Code.REMINDER_NOT_WANTED));
            return;
        }
        Instant now = clock.instant();
        Instant start = subject.start();
        var wanted = new HashMap<Integer, ReminderPlanner.Plan>();
        var offsets = offsetsFor(subject.structureId(), subject.activity(), subject.overrideId());
        for (var plan : planner.plan(start, offsets, now)) {
            wanted.put((int) plan.offset().toMinutes(), plan);
        }
        for (var entry : wanted.entrySet()) {
            var plan = entry.getValue();
            var row = existing.get(entry.getKey());
            String status = plan.dueAt().isPresent() ? "PENDING" : "SKIPPED";
            StaffNote note = plan.dueAt().isPresent() ? null : StaffNote.of(Code.REMINDER_TOO_LATE);
            if (row == null) {
                reminders.insert(subject.subject(), subject.structureId(), entry.getKey(), start,
                        plan.dueAt().orElse(null), status, note);
            } else if (!row.startsAt().equals(start) || "CANCELLED".equals(row.status()) || "PENDING".equals(row.status())
                    && plan.dueAt().isPresent() && !plan.dueAt().get().equals(row.dueAt())) {
                // New start, planned again after a cancellation, or a pending one the rules now set at another
                // time: plan it afresh. A reminder already sent for this start stays sent, and one the job is
                // holding back for the morning keeps its time.
                reminders.replan(row.id(), start, plan.dueAt().orElse(null), status, note);
            }
        }
        for (var row : existing.values()) {
            if (!wanted.containsKey(row.offsetMinutes()) && "PENDING".equals(row.status())) {
                reminders.done(row.id(), "CANCELLED", StaffNote.of(Code.REMINDER_WITHDRAWN), now);
            }
        }
    }

    @Transactional(readOnly = true)
    public List<ScheduledReminder> of(SubjectRef subject) {
        return reminders.of(subject);
    }

    /**
     * The offsets for an activity: the override of its motif or workshop if there is one, else the structure's
     * setting, else the application default (48 h before; plus the day before for ateliers).
     *
     * @param overrideId the motif id (appointments) or workshop id (ateliers), or null
     */
    @Transactional(readOnly = true)
    public List<Duration> offsetsFor(long structureId, ReminderActivity activity, Long overrideId) {
        if (overrideId != null) {
            var override = settings.find(activity, ReminderSettingRepository.OVERRIDE, overrideId);
            if (override.isPresent()) {
                return override.get();
            }
        }
        return settings.find(activity, ReminderSettingRepository.STRUCTURE, structureId)
                .orElseGet(() -> defaultOffsets(activity));
    }

    public List<Duration> defaultOffsets(ReminderActivity activity) {
        return activity == ReminderActivity.APPOINTMENT ? defaults.appointment() : defaults.atelier();
    }
}
