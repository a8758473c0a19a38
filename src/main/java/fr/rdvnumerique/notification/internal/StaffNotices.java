package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.security.StaffContact;
import fr.rdvnumerique.base.security.StaffDirectory;
import fr.rdvnumerique.notification.domain.StaffNoticeRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells staff about the bookings and cancellations of an agenda, each as they chose: a mail per event, a
 * daily digest, or nothing. The people told are the active staff accounts linked to the advisor; when the advisor
 * has none, the structure's coordinators, so that nobody's agenda changes unseen.
 */
@Service
public class StaffNotices {

    private final StaffDirectory directory;
    private final StaffNoticeRepository staff;
    private final Outbox outbox;
    private final MessageSource messages;
    private final NotificationSettings settings;
    private final Clock clock;

    StaffNotices(StaffDirectory directory, StaffNoticeRepository staff, Outbox outbox, MessageSource messages,
                 NotificationSettings settings, Clock clock) {
        this.directory = directory;
        this.staff = staff;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** Joins the caller's transaction (the event listener's). Telling the same notice twice is harmless. */
    @Transactional
    public void notify(StaffNotice notice) {
        var recipients = recipients(notice.structureId(), notice.advisorId());
        var modes = staff.modes(recipients.stream().map(StaffContact::accountId).toList());
        for (StaffContact member : recipients) {
            switch (modes.getOrDefault(member.accountId(), settings.digest().defaultMode())) {
                case EVERY_EVENT -> outbox.enqueue(mail(notice, member));
                case DAILY_DIGEST -> staff.addNotice(member.accountId(), notice.structureId(), notice.eventKey(),
                        notice.summary(), clock.instant());
                case NONE -> { }
            }
        }
    }

    List<StaffContact> recipients(long structureId, long advisorId) {
        var accounts = directory.accountsOfAdvisor(structureId, advisorId);
        return accounts.isEmpty() ? directory.coordinators(structureId) : accounts;
    }

    private MailRequest mail(StaffNotice notice, StaffContact member) {
        var paragraphs = new ArrayList<String>();
        paragraphs.add(notice.summary());
        paragraphs.addAll(notice.details());
        paragraphs.add(message("notification.staff.notice.why"));
        var content = MailContent.notice(message("notification.staff.notice.subject", notice.summary()),
                message("notification.staff.notice.heading"), paragraphs);
        return new MailRequest(MessageKind.STAFF_NOTICE, notice.structureId(), notice.subject(), notice.sequence(),
                new Recipient(EmailAddress.of(member.email()), member.displayName()), content, null, notice.change());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, java.util.Locale.FRENCH);
    }
}
