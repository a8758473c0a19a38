package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.appointment.MotifService;
import fr.rdvnumerique.atelier.WorkshopService;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.notification.domain.ReminderSettingRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminder settings screen: a coordinator sets their structure's defaults, and gives a motif or a workshop
 * reminders of its own. Every change plans the reminders still to come again, at once.
 */
@Service
@PreAuthorize("hasRole('COORDINATOR')")
public class ReminderSettingsService {

    private final ReminderSettingRepository settings;
    private final Reminders reminders;
    private final MotifService motifs;
    private final WorkshopService workshops;
    private final CurrentStaff staff;
    private final ConflictRetry retry;
    private final Clock clock;

    ReminderSettingsService(ReminderSettingRepository settings, Reminders reminders, MotifService motifs,
                            WorkshopService workshops, CurrentStaff staff, ConflictRetry retry, Clock clock) {
        this.settings = settings;
        this.reminders = reminders;
        this.motifs = motifs;
        this.workshops = workshops;
        this.staff = staff;
        this.retry = retry;
        this.clock = clock;
    }

    /** What the structure uses for an activity, and whether it is the application's default. */
    public record ActivitySetting(ReminderActivity activity, List<Duration> offsets, boolean isDefault) {
    }

    /** A motif (appointments) or a workshop (ateliers) of the structure, by its name. */
    public record Owner(ReminderActivity activity, long id, String name, boolean active) {
    }

    /** The reminders of one motif or workshop. */
    public record Override(Owner owner, List<Duration> offsets) {
    }

    @Transactional(readOnly = true)
    public List<ActivitySetting> structureSettings() {
        long structureId = staff.structureId();
        return List.of(ReminderActivity.values()).stream().map(activity -> settings
                        .find(activity, ReminderSettingRepository.STRUCTURE, structureId)
                        .map(offsets -> new ActivitySetting(activity, offsets, false))
                        .orElseGet(() -> new ActivitySetting(activity, reminders.defaultOffsets(activity), true)))
                .toList();
    }

    /** @return how many bookings or registrations had their reminders planned again */
    public int saveStructureSetting(ReminderActivity activity, List<Duration> offsets) {
        long structureId = staff.structureId();
        return retry.inTransaction(() -> {
            settings.save(activity, ReminderSettingRepository.STRUCTURE, structureId, structureId, List.copyOf(offsets),
                    clock.instant());
            return reminders.replan(structureId, activity, null);
        });
    }

    /** Back to the application's default for an activity. */
    public int resetStructureSetting(ReminderActivity activity) {
        long structureId = staff.structureId();
        return retry.inTransaction(() -> {
            settings.delete(activity, ReminderSettingRepository.STRUCTURE, structureId, structureId);
            return reminders.replan(structureId, activity, null);
        });
    }

    /** The structure's motifs and workshops, by name (inactive ones last, they may still have bookings). */
    @Transactional(readOnly = true)
    public List<Owner> owners(ReminderActivity activity) {
        var owners = activity == ReminderActivity.APPOINTMENT
                ? motifs.list(Pageable.unpaged()).stream()
                        .map(m -> new Owner(activity, m.id(), m.label(), m.active()))
                : workshops.list(Pageable.unpaged()).stream()
                        .map(w -> new Owner(activity, w.id(), w.title(), w.active()));
        return owners.sorted(Comparator.comparing((Owner o) -> !o.active())
                .thenComparing(Owner::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    @Transactional(readOnly = true)
    public List<Override> overrides() {
        Map<Long, Owner> byMotif = owners(ReminderActivity.APPOINTMENT).stream()
                .collect(Collectors.toMap(Owner::id, Function.identity()));
        Map<Long, Owner> byWorkshop = owners(ReminderActivity.ATELIER).stream()
                .collect(Collectors.toMap(Owner::id, Function.identity()));
        return settings.ofStructure(staff.structureId()).stream()
                .filter(s -> ReminderSettingRepository.OVERRIDE.equals(s.level()))
                .map(s -> {
                    var owner = (s.activity() == ReminderActivity.APPOINTMENT ? byMotif : byWorkshop).get(s.ownerId());
                    return owner == null ? null : new Override(owner, s.offsets());
                })
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing((Override o) -> o.owner().activity())
                        .thenComparing(o -> o.owner().name(), String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /**
     * Reminders of their own for one motif or workshop of the structure; an empty list means none for it.
     *
     * @return how many bookings or registrations had their reminders planned again
     */
    public int saveOverride(ReminderActivity activity, long ownerId, List<Duration> offsets) {
        long structureId = staff.structureId();
        requireOwner(activity, ownerId);
        return retry.inTransaction(() -> {
            settings.save(activity, ReminderSettingRepository.OVERRIDE, ownerId, structureId, List.copyOf(offsets),
                    clock.instant());
            return reminders.replan(structureId, activity, ownerId);
        });
    }

    /** Back to the structure's setting for this motif or workshop. */
    public int removeOverride(ReminderActivity activity, long ownerId) {
        long structureId = staff.structureId();
        requireOwner(activity, ownerId);
        return retry.inTransaction(() -> {
            settings.delete(activity, ReminderSettingRepository.OVERRIDE, ownerId, structureId);
            return reminders.replan(structureId, activity, ownerId);
        });
    }

    /** Only the structure's own motifs and workshops (their lists are scoped to it). */
    private void requireOwner(ReminderActivity activity, long ownerId) {
        if (owners(activity).stream().noneMatch(o -> o.id() == ownerId)) {
            throw new BusinessRuleException("error.not-found");
        }
    }
}
