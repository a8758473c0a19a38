package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.notification.domain.MessageIds;
import fr.rdvnumerique.notification.domain.OutboxRepository;
import fr.rdvnumerique.notification.domain.OutboxRepository.NewMessage;
import java.time.Clock;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outbox screen: a coordinator sees their structure's messages and sends one again. */
@Service
@PreAuthorize("hasRole('COORDINATOR')")
public class OutboxService {

    private final OutboxRepository messages;
    private final CurrentStaff staff;
    private final ConflictRetry retry;
    private final MailSettings mail;
    private final Clock clock;

    OutboxService(OutboxRepository messages, CurrentStaff staff, ConflictRetry retry, MailSettings mail, Clock clock) {
        this.messages = messages;
        this.staff = staff;
        this.retry = retry;
        this.mail = mail;
        this.clock = clock;
    }

    /** The structure's messages, newest first; {@code status} null for all. */
    @Transactional(readOnly = true)
    public Slice<OutboxRow> list(DeliveryStatus status, Pageable pageable) {
        return messages.list(staff.structureId(), status, pageable);
    }

    /**
     * "Renvoyer". A FAILED message is simply tried again from the start (same key and Message-ID: it never
     * arrived). A SENT message is copied into a new row whose key ends in {@code :renvoi-N}: the original stays
     * in the history as sent, the unique key does not block the copy, and the copy gets its own Message-ID so
     * the person's mailbox does not drop it as a duplicate. Its private link is minted afresh when it leaves.
     *
     * @return the id of the row that will be sent
     */
    public long resend(long id) {
        long structureId = staff.structureId();
        return retry.inTransaction(() -> {
            var message = messages.find(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
            staff.checkStructure(message.structureId());
            switch (message.status()) {
                case FAILED -> {
                    messages.retryFailed(id, clock.instant());
                    return id;
                }
                case SENT -> {
                    int copies = messages.lockAndCountResends(id);
                    String key = Outbox.storableKey(message.dedupKey() + ":renvoi-" + (copies + 1));
                    messages.insert(new NewMessage(key, MessageIds.of(key, mail.domain()), message.channel(),
                            message.kind(), structureId, message.subject(), message.sequence(), message.recipient(),
                            message.recipientName(), message.replyTo(), message.subjectLine(), message.text(),
                            message.html(), message.ics(), message.icsMethod(), clock.instant(), id));
                    return messages.lastResendOf(id).orElseThrow();
                }
                default -> throw new BusinessRuleException("notification.outbox.resend.not-now");
            }
        });
    }
}
