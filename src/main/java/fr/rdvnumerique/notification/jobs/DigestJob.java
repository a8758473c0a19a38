package fr.rdvnumerique.notification.jobs;

import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.security.StaffDirectory;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.notification.domain.StaffNoticeRepository;
import fr.rdvnumerique.notification.domain.StaffNoticeRepository.WaitingNotice;
import fr.rdvnumerique.notification.internal.MailContent;
import fr.rdvnumerique.notification.internal.MailRequest;
import fr.rdvnumerique.notification.internal.MessageKind;
import fr.rdvnumerique.notification.internal.NoticeMode;
import fr.rdvnumerique.notification.internal.NotificationSettings;
import fr.rdvnumerique.notification.internal.Outbox;
import fr.rdvnumerique.notification.internal.Recipient;
import fr.rdvnumerique.notification.internal.ResidentNotices;
import fr.rdvnumerique.notification.internal.SubjectRef;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The morning digest: one mail per staff member with the notices kept since the last one, and how many calls of
 * the structure's « À appeler » list are due. The mail's
 * deduplication key carries the date, so a person gets at most one digest a day even if the job runs twice;
 * notices are marked as digested in the transaction that enqueues the mail, so none is lost or told twice.
 * The scheduled run holds a ShedLock lock, so only one instance works at a time.
 */
public class DigestJob {

    public static final String SUBJECT_TYPE = "STAFF_ACCOUNT";

    private final StaffNoticeRepository staff;
    private final StaffDirectory directory;
    private final Outbox outbox;
    private final ResidentNotices residentNotices;
    private final ConflictRetry retry;
    private final MessageSource messages;
    private final NotificationSettings settings;
    private final Clock clock;

    public DigestJob(StaffNoticeRepository staff, StaffDirectory directory, Outbox outbox,
                     ResidentNotices notices, ConflictRetry retry,
                     MessageSource messages, NotificationSettings settings, Clock clock) {
        this.staff = staff;
        this.directory = directory;
        this.outbox = outbox;
        this.residentNotices = notices;
        this.retry = retry;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** Today's digests; returns how many mails were enqueued. */
    public int runOnce() {
        Instant now = clock.instant();
        LocalDate day = now.atZone(ParisTime.ZONE).toLocalDate();
        int sent = 0;
        for (long accountId : staff.accountsWaiting(now)) {
            if (retry.inTransaction(() -> digest(accountId, day, now))) {
                sent++;
            }
        }
        return sent;
    }

    private boolean digest(long accountId, LocalDate day, Instant now) {
        var notices = staff.lockWaiting(accountId, now);
        if (notices.isEmpty()) {
            return false;
        }
        var ids = notices.stream().map(WaitingNotice::id).toList();
        var member = directory.account(accountId);
        NoticeMode mode = member.isEmpty() ? NoticeMode.NONE
                : staff.mode(accountId).orElse(settings.digest().defaultMode());
        if (mode == NoticeMode.NONE) {
            // Inactive account or no more notices wanted: the waiting ones are dropped.
            staff.markDigested(ids, day);
            return false;
        }
        var paragraphs = new ArrayList<String>();
        paragraphs.add(message("notification.staff.digest.intro", notices.size()));
        int calls = residentNotices.callsDue(notices.getFirst().structureId());
        if (calls > 0) {
            paragraphs.add(message("notification.staff.digest.calls", calls));
        }
        for (WaitingNotice notice : notices) {
            paragraphs.add(message("notification.staff.digest.line", FrenchDates.dayAndTime(notice.createdAt()), notice.text()));
        }
        paragraphs.add(message("notification.staff.digest.why"));
        String dayText = FrenchDates.day(day);
        var content = MailContent.notice(message("notification.staff.digest.subject", dayText),
                message("notification.staff.digest.heading", dayText), paragraphs);
        var request = new MailRequest(MessageKind.STAFF_DIGEST, notices.getFirst().structureId(),
                SubjectRef.of(SUBJECT_TYPE, accountId), 0,
                new Recipient(EmailAddress.of(member.get().email()), member.get().displayName()), content, null, day.toString());
        boolean enqueued = outbox.enqueue(request);
        if (enqueued) {
            staff.markDigested(ids, day);
        }
        // Not enqueued: today's digest already left; these notices wait for tomorrow's.
        return enqueued;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, Locale.FRENCH);
    }
}
