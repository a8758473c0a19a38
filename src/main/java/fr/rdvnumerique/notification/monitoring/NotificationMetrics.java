package fr.rdvnumerique.notification.monitoring;

import fr.rdvnumerique.base.ops.CachedReading;
import fr.rdvnumerique.notification.internal.DeliveryStatus;
import fr.rdvnumerique.notification.internal.NotificationChannel;
import fr.rdvnumerique.notification.monitoring.DeliveryDelays.OutboxLine;
import fr.rdvnumerique.notification.monitoring.DeliveryDelays.ReminderLines;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The outbox and the reminders as metrics, read from the database (so every instance reports the same figures, and
 * a restart loses nothing): messages per channel and state, those retrying after a failed attempt, the age of the
 * oldest one not gone yet, the late ones (see {@link DeliveryDelays}), reminders overdue or given up.
 */
@Component
class NotificationMetrics implements MeterBinder {

    private final List<String> channels;
    private final Clock clock;
    private final CachedReading<List<OutboxLine>> outbox;
    private final CachedReading<ReminderLines> reminders;
    private final CachedReading<Long> late;

    NotificationMetrics(DeliveryDelays delays, List<NotificationChannel> channels, Clock clock) {
        this.channels = channels.stream().map(NotificationChannel::name).sorted().toList();
        this.clock = clock;
        this.outbox = new CachedReading<>(CachedReading.ONE_SCRAPE, delays::outbox);
        this.reminders = new CachedReading<>(CachedReading.ONE_SCRAPE, delays::reminders);
        this.late = new CachedReading<>(CachedReading.ONE_SCRAPE, () -> delays.late(null).map(DeliveryDelays.Late::count).orElse(0L));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String channel : channels) {
            for (DeliveryStatus status : DeliveryStatus.values()) {
                Gauge.builder("rdv.outbox.messages", () -> sum(channel, status, OutboxLine::count))
                        .description("Messages in the outbox").tags("channel", channel, "status", status.name())
                        .register(registry);
            }
            Gauge.builder("rdv.outbox.retrying", () -> sum(channel, DeliveryStatus.PENDING, OutboxLine::retrying))
                    .description("Messages waiting for another attempt after a failed one").tag("channel", channel)
                    .register(registry);
            TimeGauge.builder("rdv.outbox.oldest.pending.age", this, TimeUnit.SECONDS, m -> m.oldestNotGone(channel))
                    .description("Age of the oldest message not sent yet (0 when none waits)").tag("channel", channel)
                    .register(registry);
        }
        Gauge.builder("rdv.outbox.late.messages", () -> late.get().<Number>map(n -> n).orElse(Double.NaN))
                .description("Messages that have not left within rdv.notification.monitoring.late-after")
                .register(registry);
        Gauge.builder("rdv.reminders.overdue", () -> reminders.get().<Number>map(ReminderLines::overdue).orElse(Double.NaN))
                .description("Reminders due for more than five minutes and not queued").register(registry);
        Gauge.builder("rdv.reminders.failed", () -> reminders.get().<Number>map(ReminderLines::failed).orElse(Double.NaN))
                .description("Reminders that could not be written").register(registry);
    }

    private Number sum(String channel, DeliveryStatus status, ToDoubleFunction<OutboxLine> figure) {
        return outbox.get().<Number>map(lines -> lines.stream()
                .filter(l -> l.channel().equals(channel) && l.status().equals(status.name()))
                .mapToDouble(figure).sum()).orElse(Double.NaN);
    }

    private double oldestNotGone(String channel) {
        return outbox.get().map(lines -> lines.stream()
                .filter(l -> l.channel().equals(channel)
                        && (l.status().equals(DeliveryStatus.PENDING.name()) || l.status().equals(DeliveryStatus.SENDING.name())))
                .map(OutboxLine::oldestQueued).filter(Objects::nonNull).min(Instant::compareTo)
                .map(oldest -> (double) Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()))
                .orElse(0.0)).orElse(Double.NaN);
    }
}
