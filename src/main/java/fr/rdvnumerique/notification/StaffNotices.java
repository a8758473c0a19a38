package fr.rdvnumerique.notification;

import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.notification.domain.StaffNoticeRepository;
import fr.rdvnumerique.notification.domain.StaffNoticeRepository.StaffMember;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells staff about the bookings and cancellations of an agenda, each as they chose: a mail per event, a
 * daily digest, or nothing. The people told are the staff accounts linked to the advisor; when the advisor
 * has no account, the structure's coordinators, so that nobody's agenda changes unseen.
 */
@Service
public class StaffNotices {

    private final StaffNoticeRepository staff;
    private final Outbox outbox;
    private final MessageSource messages;
    private final NotificationSettings settings;
    private final Clock clock;

    StaffNotices(StaffNoticeRepository staff, Outbox outbox, MessageSource messages, NotificationSettings settings,
                 Clock clock) {
        this.staff = staff;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** Joins the caller's transaction (the adapter's event listener). Telling the same notice twice is harmless. */
    @Transactional
    public void notify(StaffNotice notice) {
        for (StaffMember member : recipients(notice.structureId(), notice.advisorId())) {
            NoticeMode mode = member.mode() == null ? settings.digest().defaultMode() : member.mode();
            switch (mode) {
                case EVERY_EVENT -> outbox.enqueue(mail(notice, member));
                case DAILY_DIGEST -> staff.addNotice(member.accountId(), notice.structureId(), notice.eventKey(),
                        notice.summary(), clock.instant());
                case NONE -> { }
            }
        }
    }

    List<StaffMember> recipients(long structureId, long advisorId) {
        var accounts = staff.accountsOfAdvisor(structureId, advisorId);
        return accounts.isEmpty() ? staff.coordinators(structureId) : accounts;
    }

    private MailRequest mail(StaffNotice notice, StaffMember member) {
        var paragraphs = new ArrayList<String>();
        paragraphs.add(notice.summary());
        paragraphs.addAll(notice.details());
        paragraphs.add(message("notification.staff.notice.why"));
        var content = MailContent.notice(message("notification.staff.notice.subject", notice.summary()),
                message("notification.staff.notice.heading"), paragraphs);
        return new MailRequest(MessageKind.STAFF_NOTICE, notice.structureId(), notice.subject(), notice.sequence(),
                new Recipient(EmailAddress.of(member.email()), member.name()), content, null, notice.change());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, java.util.Locale.FRENCH);
    }
}
