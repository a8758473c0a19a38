package fr.rdvnumerique.notification.monitoring;

import static fr.rdvnumerique.base.db.UtcColumns.fromDb;
import static fr.rdvnumerique.base.db.UtcColumns.toDb;

import fr.rdvnumerique.notification.domain.QuietHours;
import fr.rdvnumerique.notification.internal.NotificationSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether messages leave in time, read from the outbox and the reminders, for the coordinators' banner, the
 * « notifications » health group and the metrics.
 *
 * <p>A message is <em>late</em> when it was queued more than {@code lateAfter} ago and has not left: it is still
 * waiting or being sent (except a reminder that only waits for the morning, held by the quiet hours), or the
 * dispatcher gave up on it within the last day (after that, the outbox screen keeps it, the banner lets it go).
 */
@Component
public class DeliveryDelays {

    /** How long a given-up message keeps the banner up. */
    static final Duration FAILED_SHOWN_FOR = Duration.ofDays(1);
    /** A reminder due longer ago than this and still waiting: its job is not running. */
    static final Duration REMINDER_GRACE = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final QuietHours quietHours;
    private final Duration lateAfter;
    private final Clock clock;

    DeliveryDelays(JdbcTemplate jdbc, NotificationSettings settings, MonitoringSettings monitoring, Clock clock) {
        this.jdbc = jdbc;
        this.quietHours = QuietHours.of(settings.reminders());
        this.lateAfter = monitoring.lateAfter();
        this.clock = clock;
    }

    /** How long after being queued a message counts as late. */
    public Duration lateAfter() {
        return lateAfter;
    }

    /** Late messages: how many, and since when (the oldest one's queueing time). */
    public record Late(long count, Instant since) {
    }

    /** The late messages of a structure, or of every structure when {@code structureId} is null. */
    public Optional<Late> late(Long structureId) {
        Instant now = clock.instant();
        var args = new ArrayList<Object>(List.of(toDb(now.minus(lateAfter)), quietHours.isQuiet(now),
                toDb(now.minus(FAILED_SHOWN_FOR))));
        String structure = "";
        if (structureId != null) {
            structure = " and structure_id = ?";
            args.add(structureId);
        }
        return jdbc.query("""
                select count(*), min(created_at) from outbound_message
                where created_at <= ?
                  and (status in ('PENDING', 'SENDING') and (kind <> 'REMINDER' or attempts > 0 or not ?)
                       or status = 'FAILED' and created_at >= ?)""" + structure, rs -> {
            rs.next();
            long count = rs.getLong(1);
            return count == 0 ? Optional.<Late>empty()
                    : Optional.of(new Late(count, fromDb(rs.getObject(2, LocalDateTime.class))));
        }, args.toArray());
    }

    /** Messages of one channel in one state, and the oldest queueing time of those not yet gone. */
    public record OutboxLine(String channel, String status, long count, long retrying, Instant oldestQueued) {
    }

    /** The outbox by channel and state. */
    public List<OutboxLine> outbox() {
        return jdbc.query("""
                select channel, status, count(*), sum(case when attempts > 0 then 1 else 0 end), min(created_at)
                from outbound_message group by channel, status""", (rs, row) -> new OutboxLine(rs.getString(1),
                rs.getString(2), rs.getLong(3), rs.getLong(4), fromDb(rs.getObject(5, LocalDateTime.class))));
    }

    /** Reminders whose time has come more than a few minutes ago and that are still waiting; those given up. */
    public record ReminderLines(long overdue, long failed) {
    }

    public ReminderLines reminders() {
        Instant now = clock.instant();
        return jdbc.queryForObject("""
                select coalesce(sum(case when status = 'PENDING' and due_at < ? then 1 else 0 end), 0),
                       coalesce(sum(case when status = 'FAILED' then 1 else 0 end), 0)
                from scheduled_reminder""", (rs, row) -> new ReminderLines(rs.getLong(1), rs.getLong(2)),
                toDb(now.minus(REMINDER_GRACE)));
    }
}
