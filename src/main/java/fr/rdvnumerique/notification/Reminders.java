package fr.rdvnumerique.notification;

import fr.rdvnumerique.notification.domain.QuietHours;
import fr.rdvnumerique.notification.domain.ReminderPlanner;
import fr.rdvnumerique.notification.domain.ReminderRepository;
import fr.rdvnumerique.notification.domain.ReminderSettingRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders before appointments and atelier sessions, for the adapters of those modules to call in their
 * event listeners (or business transactions). Times follow {@link ReminderPlanner}: offsets before the start,
 * never at night (moved to the next morning), never in the past. The reminder job then turns each due
 * reminder into one message, through the subject module's {@link ReminderComposer}.
 *
 * <p>Calls are idempotent: scheduling the same subject and start again (an event delivered twice) changes
 * nothing, and a reminder already sent is not sent again unless the start moved.
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
        this.planner = new ReminderPlanner(new QuietHours(defaults.quietFromHour(), defaults.quietUntilHour()));
        this.clock = clock;
    }

    /**
     * Plans the reminders of a subject (a booking, a registration). Offsets that are no longer wanted are
     * cancelled.
     *
     * @param offsets        how long before the start, usually {@link #offsetsFor}
     * @param wantsReminders the person accepted reminders; false cancels any that are planned
     */
    @Transactional
    public void schedule(SubjectRef subject, long structureId, Instant start, List<Duration> offsets,
                         boolean wantsReminders) {
        Objects.requireNonNull(start, "start");
        var existing = new HashMap<Integer, ReminderRepository.Row>();
        reminders.lockSubject(subject).forEach(row -> existing.put(row.offsetMinutes(), row));
        if (!wantsReminders) {
            reminders.cancel(subject, "Rappels refusés");
            return;
        }
        Instant now = clock.instant();
        var wanted = new HashMap<Integer, ReminderPlanner.Plan>();
        for (var plan : planner.plan(start, offsets, now)) {
            wanted.put((int) plan.offset().toMinutes(), plan);
        }
        for (var entry : wanted.entrySet()) {
            var plan = entry.getValue();
            var row = existing.get(entry.getKey());
            String status = plan.dueAt().isPresent() ? "PENDING" : "SKIPPED";
            String note = plan.dueAt().isPresent() ? null : "Trop tard pour ce rappel";
            if (row == null) {
                reminders.insert(subject, structureId, entry.getKey(), start, plan.dueAt().orElse(null), status, note);
            } else if (!(row.startsAt().equals(start) && !"CANCELLED".equals(row.status()))) {
                // New start, or planned again after a cancellation: plan it afresh.
                reminders.replan(row.id(), start, plan.dueAt().orElse(null), status, note);
            }
        }
        for (var row : existing.values()) {
            if (!wanted.containsKey(row.offsetMinutes()) && "PENDING".equals(row.status())) {
                reminders.done(row.id(), "CANCELLED", "Rappel retiré du calendrier des rappels", now);
            }
        }
    }

    /** The subject moved: its reminders follow the new start (a reminder already sent is sent again). */
    @Transactional
    public void reschedule(SubjectRef subject, Instant newStart) {
        var rows = reminders.lockSubject(subject).stream().filter(r -> !"CANCELLED".equals(r.status())).toList();
        if (rows.isEmpty()) {
            return;
        }
        schedule(subject, rows.getFirst().structureId(), newStart,
                rows.stream().map(ReminderRepository.Row::offset).toList(), true);
    }

    /** The subject was cancelled: no reminder goes out. */
    @Transactional
    public void cancel(SubjectRef subject) {
        reminders.cancel(subject, "Annulé");
    }

    @Transactional(readOnly = true)
    public List<ScheduledReminder> of(SubjectRef subject) {
        return reminders.of(subject);
    }

    /**
     * The offsets for an activity: the override of its motif or workshop if there is one, else the structure's
     * setting, else the application default (48 h before; plus 24 h before for ateliers).
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

    /**
     * Sets the offsets of one motif or workshop (the owning module checks that the caller may change it);
     * an empty list means no reminder for it.
     */
    @Transactional
    public void setOverride(long structureId, ReminderActivity activity, long ownerId, List<Duration> offsets) {
        settings.save(activity, ReminderSettingRepository.OVERRIDE, ownerId, structureId, offsets, clock.instant());
    }

    /** Back to the structure's setting for this motif or workshop. */
    @Transactional
    public void clearOverride(long structureId, ReminderActivity activity, long ownerId) {
        settings.delete(activity, ReminderSettingRepository.OVERRIDE, ownerId, structureId);
    }
}
