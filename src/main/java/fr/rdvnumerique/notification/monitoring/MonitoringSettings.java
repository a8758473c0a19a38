package fr.rdvnumerique.notification.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When messages count as late ({@code rdv.notification.monitoring.*}).
 *
 * @param lateAfter a message that has not left this long after it was queued is late: the coordinators' banner,
 *                  the « notifications » health group and {@code rdv_outbox_late_messages} say so
 */
@ConfigurationProperties("rdv.notification.monitoring")
record MonitoringSettings(@DefaultValue("1h") Duration lateAfter) {
}
