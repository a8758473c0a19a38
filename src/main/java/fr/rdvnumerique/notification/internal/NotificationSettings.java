package fr.rdvnumerique.notification.internal;

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
        @DefaultValue Feeds feeds,
        @DefaultValue Events events) {

    /**
     * @param delay      pause between two runs of the dispatcher
     * @param batchSize  messages claimed at once
     * @param chunkSize  messages sent over one SMTP connection; the lease is checked and extended before each
     *                   chunk, so a chunk must take far less than the lease even with a slow server (each SMTP
     *                   command times out after {@code spring.mail.properties.mail.smtp.timeout})
     * @param maxBatches batches per run at most, so one run does not hold the thread for ever
     * @param lease      how long a claimed message is reserved; after that another instance may take it back
     * @param backoff    waits after the 1st, 2nd… failed attempt; one more failure after the last one marks the
     *                   message FAILED
     */
    public record Dispatcher(
            @DefaultValue("10s") Duration delay,
            @DefaultValue("100") int batchSize,
            @DefaultValue("20") int chunkSize,
            @DefaultValue("50") int maxBatches,
            @DefaultValue("10m") Duration lease,
            @DefaultValue({"1m", "5m", "30m", "2h", "6h"}) List<Duration> backoff) {

        public Dispatcher {
            if (batchSize < 1 || chunkSize < 1 || maxBatches < 1 || backoff.isEmpty()) {
                throw new IllegalArgumentException(
                        "rdv.notification.dispatcher: batch-size, chunk-size, max-batches >= 1, a backoff");
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
     * @param resubmitEvery how often, and after how long, an event whose listener failed is handed to it again
     * @param maxAttempts   attempts in all; after that the publication stays FAILED in {@code event_publication}
     */
    public record Events(
            @DefaultValue("5m") Duration resubmitEvery,
            @DefaultValue("12") int maxAttempts) {
    }

    /**
     * @param pastDays          how far back an advisor's feed goes
     * @param futureDays        how far ahead feeds go
     * @param downloadsPerHour  "Ajouter à mon agenda" files one address may fetch in an hour (guessing private
     *                          links is hopeless anyway, this keeps anyone from trying)
     */
    public record Feeds(
            @DefaultValue("30") int pastDays,
            @DefaultValue("180") int futureDays,
            @DefaultValue("60") int downloadsPerHour) {
    }
}
