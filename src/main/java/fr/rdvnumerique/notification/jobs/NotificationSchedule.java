package fr.rdvnumerique.notification.jobs;

import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.notification.internal.NotificationSettings;
import fr.rdvnumerique.notification.mail.Dispatcher;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * When the jobs run ({@code rdv.notification.jobs-enabled}, on by default; tests run them by hand).
 * <ul>
 *   <li>dispatcher: every {@code dispatcher.delay} (10 s) after the previous run; safe on several instances
 *       through {@code SKIP LOCKED} and leases, so no lock is needed;</li>
 *   <li>reminders: every {@code reminders.delay} (60 s); safe through row locks and unique keys;</li>
 *   <li>daily digest: {@code digest.cron} (7:00 Paris) under a ShedLock lock, one instance at a time. The
 *       lock executor is built here rather than declared as a bean, so it cannot clash with another module's
 *       ShedLock setup;</li>
 *   <li>events: every {@code events.resubmit-every} (5 min), under a ShedLock lock, the atelier and appointment
 *       events whose listener failed (database hiccup, deadlock) are handed to it again, a bounded number of
 *       times; the listeners are idempotent. Publications stuck in progress are marked failed by the registry
 *       after {@code spring.modulith.events.staleness.*}.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "rdv.notification.jobs-enabled", havingValue = "true", matchIfMissing = true)
class NotificationSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NotificationSchedule.class);
    static final String DIGEST_LOCK = "notification-daily-digest";
    static final String EVENTS_LOCK = "notification-event-resubmission";

    private final Dispatcher dispatcher;
    private final ReminderJob reminders;
    private final DigestJob digest;
    private final NotificationSettings settings;
    private final FailedEventPublications failedEvents;
    private final LockingTaskExecutor locks;

    NotificationSchedule(Dispatcher dispatcher, ReminderJob reminders, DigestJob digest, NotificationSettings settings,
                         FailedEventPublications failedEvents, JdbcTemplate jdbc) {
        this.dispatcher = dispatcher;
        this.reminders = reminders;
        this.digest = digest;
        this.settings = settings;
        this.failedEvents = failedEvents;
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
                .builder().withJdbcTemplate(jdbc).usingDbTime().build()));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(guarded("dispatcher", dispatcher::runOnce), settings.dispatcher().delay());
        registrar.addFixedDelayTask(guarded("reminders", reminders::runOnce), settings.reminders().delay());
        registrar.addCronTask(new CronTask(guarded("digest", () -> locks.executeWithLock((Runnable) digest::runOnce,
                new LockConfiguration(Instant.now(), DIGEST_LOCK, Duration.ofMinutes(30), Duration.ofMinutes(1)))),
                new CronTrigger(settings.digest().cron(), ParisTime.ZONE)));
        var events = settings.events();
        registrar.addFixedDelayTask(guarded("events", () -> locks.executeWithLock((Runnable) () -> failedEvents.resubmit(
                ResubmissionOptions.defaults().withMinAge(events.resubmitEvery())
                        .withFilter(p -> p.getCompletionAttempts() < events.maxAttempts())),
                new LockConfiguration(Instant.now(), EVENTS_LOCK, Duration.ofMinutes(10), Duration.ofSeconds(30)))),
                events.resubmitEvery());
    }

    /** A failing run is logged and the next one comes as planned. */
    private static Runnable guarded(String name, Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.error("Notification job {} failed; it runs again at its next time", name,
                        fr.rdvnumerique.base.ops.LogSafe.redact(e));
            }
        };
    }
}
