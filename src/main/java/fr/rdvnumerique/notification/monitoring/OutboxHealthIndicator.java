package fr.rdvnumerique.notification.monitoring;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * « Notifications en retard »: DOWN while messages have not left within {@code late-after}. It stands alone in the
 * health group {@code notifications} ({@code /actuator/health/notifications} on the management port), for
 * monitoring to alert on: neither liveness nor readiness include it, since restarting the application or taking it
 * out of the load balancer sends no mail.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

    private final DeliveryDelays delays;

    OutboxHealthIndicator(DeliveryDelays delays) {
        this.delays = delays;
    }

    @Override
    public Health health() {
        var builder = delays.late(null)
                .map(late -> Health.down().withDetail("lateMessages", late.count())
                        .withDetail("lateSince", late.since().toString()))
                .orElseGet(Health::up);
        return builder.withDetail("lateAfter", delays.lateAfter().toString()).build();
    }
}
