package fr.rdvnumerique.notification.ui;

import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.ui.StaffAlert;
import fr.rdvnumerique.notification.monitoring.DeliveryDelays;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The coordinator's red banner: « Des messages n’ont pas pu partir depuis 10 h 00 : voir Envois », while messages
 * of their structure are late (mail or any other channel, see {@link DeliveryDelays}).
 */
@Component
class LateMessagesAlert implements StaffAlert {

    private final CurrentStaff staff;
    private final DeliveryDelays delays;
    private final Clock clock;

    LateMessagesAlert(CurrentStaff staff, DeliveryDelays delays, Clock clock) {
        this.staff = staff;
        this.delays = delays;
        this.clock = clock;
    }

    @Override
    public Optional<Notice> current() {
        var person = staff.principal().filter(p -> p.has(Role.COORDINATOR) && p.structureId() != null);
        if (person.isEmpty()) {
            return Optional.empty();
        }
        return delays.late(person.get().structureId()).map(late -> {
            ZonedDateTime local = late.since().atZone(ParisTime.ZONE);
            boolean today = local.toLocalDate().equals(ZonedDateTime.now(clock.withZone(ParisTime.ZONE)).toLocalDate());
            return today
                    ? new Notice("notification.alert.late.today", List.of(FrenchDates.time(local.toLocalTime())),
                            "notification.alert.late.link", OutboxView.class)
                    : new Notice("notification.alert.late.earlier", List.of(FrenchDates.dayWithoutYear(local.toLocalDate()),
                            FrenchDates.time(local.toLocalTime())), "notification.alert.late.link", OutboxView.class);
        });
    }
}
