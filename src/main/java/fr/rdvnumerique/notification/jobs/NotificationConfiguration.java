package fr.rdvnumerique.notification.jobs;

import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.security.StaffDirectory;
import fr.rdvnumerique.notification.domain.OutboxRepository;
import fr.rdvnumerique.notification.domain.QuietHours;
import fr.rdvnumerique.notification.domain.ReminderRepository;
import fr.rdvnumerique.notification.domain.StaffNoticeRepository;
import fr.rdvnumerique.notification.internal.MailSettings;
import fr.rdvnumerique.notification.internal.NotificationChannel;
import fr.rdvnumerique.notification.internal.NotificationSettings;
import fr.rdvnumerique.notification.internal.Outbox;
import fr.rdvnumerique.notification.internal.ResidentNotices;
import fr.rdvnumerique.notification.internal.SmsSettings;
import fr.rdvnumerique.notification.mail.Dispatcher;
import fr.rdvnumerique.notification.mail.EmailChannel;
import fr.rdvnumerique.notification.mail.ManagementLinks;
import fr.rdvnumerique.notification.sms.BrevoSmsChannel;
import java.time.Clock;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The notification jobs as beans. They are plain classes so that tests can build more of them over the same
 * database (a second instance, a restart) with their own mail server.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    EmailChannel emailChannel(JavaMailSender sender, MailSettings mail, Clock clock) {
        return new EmailChannel(sender, mail, clock);
    }

    @Bean
    Dispatcher dispatcher(OutboxRepository messages, List<NotificationChannel> channels, ManagementLinks links,
                          ConflictRetry retry, Clock clock, NotificationSettings settings) {
        return new Dispatcher(messages, channels, links, retry, clock, settings.dispatcher(),
                QuietHours.of(settings.reminders()));
    }

    @Bean
    ReminderJob reminderJob(ReminderRepository reminders, ResidentNotices notices, List<ReminderComposer> composers,
                            ConflictRetry retry, Clock clock, NotificationSettings settings) {
        return new ReminderJob(reminders, notices, composers, retry, clock, settings.reminders());
    }

    /** Text messages through the provider of ADR 010; without its settings it refuses to send (and none is written). */
    @Bean
    BrevoSmsChannel smsChannel(SmsSettings sms) {
        return new BrevoSmsChannel(sms);
    }

    @Bean
    DigestJob digestJob(StaffNoticeRepository staff, StaffDirectory directory, Outbox outbox, ResidentNotices notices,
                        ConflictRetry retry, MessageSource messages, NotificationSettings settings, Clock clock) {
        return new DigestJob(staff, directory, outbox, notices, retry, messages, settings, clock);
    }
}
