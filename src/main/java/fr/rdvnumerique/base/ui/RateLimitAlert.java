package fr.rdvnumerique.base.ui;

import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.web.RateLimiter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * « 3 demandes … ont été refusées depuis 24 h » on the home screen of coordinators and administrators, when the
 * limits on residents' requests (per address, per kiosk) refused some: a shared public computer may need a higher
 * limit, or someone is trying to fill the seats. Counts only, never who or which address.
 */
@Component
class RateLimitAlert implements StaffAlert {

    private final CurrentStaff staff;
    private final RateLimiter limiter;

    RateLimitAlert(CurrentStaff staff, RateLimiter limiter) {
        this.staff = staff;
        this.limiter = limiter;
    }

    @Override
    public Optional<Notice> current() {
        boolean concerned = staff.principal().filter(p -> p.has(Role.COORDINATOR) || p.has(Role.ADMIN)).isPresent();
        int refused = concerned ? limiter.refusedRequests() : 0;
        return refused == 0 ? Optional.empty()
                : Optional.of(new Notice("staff.alert.rate-limited", List.of(refused), null, null));
    }
}
