package fr.rdvnumerique.notification;

import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.notification.domain.ReminderSettingRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reminder settings screen: a coordinator sets their structure's defaults and sees the overrides. */
@Service
@PreAuthorize("hasRole('COORDINATOR')")
public class ReminderSettingsService {

    private final ReminderSettingRepository settings;
    private final Reminders reminders;
    private final CurrentStaff staff;
    private final Clock clock;

    ReminderSettingsService(ReminderSettingRepository settings, Reminders reminders, CurrentStaff staff, Clock clock) {
        this.settings = settings;
        this.reminders = reminders;
        this.staff = staff;
        this.clock = clock;
    }

    /** What the structure uses for an activity, and whether it is the application's default. */
    public record ActivitySetting(ReminderActivity activity, List<Duration> offsets, boolean isDefault) {
    }

    /** An override for one motif or workshop. */
    public record Override(ReminderActivity activity, long ownerId, List<Duration> offsets) {
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

    @Transactional
    public void saveStructureSetting(ReminderActivity activity, List<Duration> offsets) {
        long structureId = staff.structureId();
        settings.save(activity, ReminderSettingRepository.STRUCTURE, structureId, structureId, List.copyOf(offsets),
                clock.instant());
    }

    /** Back to the application's default for an activity. */
    @Transactional
    public void resetStructureSetting(ReminderActivity activity) {
        long structureId = staff.structureId();
        settings.delete(activity, ReminderSettingRepository.STRUCTURE, structureId, structureId);
    }

    @Transactional(readOnly = true)
    public List<Override> overrides() {
        return settings.ofStructure(staff.structureId()).stream()
                .filter(s -> ReminderSettingRepository.OVERRIDE.equals(s.level()))
                .map(s -> new Override(s.activity(), s.ownerId(), s.offsets())).toList();
    }

    @Transactional
    public void removeOverride(ReminderActivity activity, long ownerId) {
        reminders.clearOverride(staff.structureId(), activity, ownerId);
    }
}
