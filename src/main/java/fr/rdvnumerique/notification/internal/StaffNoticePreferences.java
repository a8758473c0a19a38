package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.notification.domain.StaffNoticeRepository;
import java.time.Clock;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each staff member chooses what they hear about their agenda. */
@Service
@PreAuthorize("isAuthenticated()")
public class StaffNoticePreferences {

    private final StaffNoticeRepository staff;
    private final CurrentStaff currentStaff;
    private final NotificationSettings settings;
    private final Clock clock;

    StaffNoticePreferences(StaffNoticeRepository staff, CurrentStaff currentStaff, NotificationSettings settings,
                           Clock clock) {
        this.staff = staff;
        this.currentStaff = currentStaff;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public NoticeMode mine() {
        return staff.mode(currentStaff.require().accountId()).orElse(settings.digest().defaultMode());
    }

    @Transactional
    public void chooseMine(NoticeMode mode) {
        staff.saveMode(currentStaff.require().accountId(), Objects.requireNonNull(mode), clock.instant());
    }
}
