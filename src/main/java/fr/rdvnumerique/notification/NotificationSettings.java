package fr.rdvnumerique.notification;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notification jobs ({@code rdv.notification.*}).
 *
 * @param jobsEnabled run the scheduled jobs (tests switch them off and run the jobs by hand)
 */
@ConfigurationProperties("rdv.notification")
public record NotificationSettings(
        @DefaultValue("true") boolean jobsEnabled,
        @DefaultValue Dispatcher dispatcher,
        @DefaultValue Reminders reminders,
        @DefaultValue Digest digest,
        @DefaultValue Feeds feeds) {

    /**
     * @param delay      pause between two runs of the dispatcher
     * @param batchSize  messages claimed and sent over one SMTP connection
     * @param maxBatches batches per run at most, so one run does not hold the thread for ever
     * @param lease      how long a claimed message is reserved; after that another instance may take it back
     * @param backoff    waits after the 1st, 2nd… failed attempt; one more failure after the last one marks the
     *                   message FAILED
     */
    public record Dispatcher(
            @DefaultValue("10s") Duration delay,
            @DefaultValue("100") int batchSize,
            @DefaultValue("50") int maxBatches,
            @DefaultValue("10m") Duration lease,
            @DefaultValue({"1m", "5m", "30m", "2h", "6h"}) List<Duration> backoff) {

        public Dispatcher {
            if (batchSize < 1 || maxBatches < 1 || backoff.isEmpty()) {
                throw new IllegalArgumentException("rdv.notification.dispatcher: batch-size, max-batches >= 1, a backoff");
            }
            backoff = List.copyOf(backoff);
        }

        /** Attempts in all: the first, then one after each wait. */
        public int maxAttempts() {
            return backoff.size() + 1;
        }
    }

    /**
     * @param delay           pause between two runs of the reminder job
     * @param batchSize       reminders handled per transaction
     * @param appointment     default offsets before an appointment (a structure may change them)
     * @param atelier         default offsets before an atelier session
     * @param quietFromHour   no reminder from this hour (Paris time)…
     * @param quietUntilHour  …until this hour the next morning
     */
    public record Reminders(
            @DefaultValue("60s") Duration delay,
            @DefaultValue("100") int batchSize,
            @DefaultValue("48h") List<Duration> appointment,
            @DefaultValue({"48h", "24h"}) List<Duration> atelier,
            @DefaultValue("20") int quietFromHour,
            @DefaultValue("8") int quietUntilHour) {

        public Reminders {
            appointment = List.copyOf(appointment);
            atelier = List.copyOf(atelier);
            if (quietFromHour < 12 || quietFromHour > 24 || quietUntilHour < 0 || quietUntilHour > 12) {
                throw new IllegalArgumentException("rdv.notification.reminders: quiet hours from the evening to the morning");
            }
        }
    }

    /**
     * @param cron        when the daily digest goes out (Paris time)
     * @param defaultMode what staff get until they choose
     */
    public record Digest(
            @DefaultValue("0 0 7 * * *") String cron,
            @DefaultValue("DAILY_DIGEST") NoticeMode defaultMode) {
    }

    /**
     * @param pastDays   how far back an advisor's feed goes
     * @param futureDays how far ahead feeds go
     */
    public record Feeds(
            @DefaultValue("30") int pastDays,
            @DefaultValue("180") int futureDays) {
    }
}
