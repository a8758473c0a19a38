package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.notification.domain.CallRepository;
import fr.rdvnumerique.notification.domain.CallRepository.NewCall;
import fr.rdvnumerique.notification.internal.ResidentContact.Way;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a resident something the way they can be told ({@link ResidentContact#way}): a mail or a text message
 * through the outbox, or a call on the staff's « À appeler » list. Joins the caller's transaction; idempotent
 * (the outbox's and the call list's deduplication keys), so an event delivered twice tells once.
 */
@Service
public class ResidentNotices {

    private final Outbox outbox;
    private final CallRepository calls;
    private final SmsSettings sms;
    private final Clock clock;

    ResidentNotices(Outbox outbox, CallRepository calls, SmsSettings sms, Clock clock) {
        this.outbox = outbox;
        this.calls = calls;
        this.sms = sms;
        this.clock = clock;
    }

    /** Text messages can be sent (a provider is configured). */
    public boolean smsAvailable() {
        return sms.enabled();
    }

    /** @return the way the notice took (NONE: nobody to tell, or a mail-only notice to someone without a mail) */
    @Transactional
    public Way send(ResidentNotice notice) {
        var to = notice.to();
        Way way = to.way(sms.enabled());
        if (notice.brief() == null && way != Way.EMAIL) {
            way = to.email() != null && way != Way.NONE ? Way.EMAIL : Way.NONE;
        }
        switch (way) {
            case EMAIL -> outbox.enqueue(notice.mail().apply(Recipient.of(to.email(), to.name())));
            case SMS -> outbox.enqueueSms(notice.brief(), to.phone(), to.name());
            case CALL -> {
                var brief = notice.brief();
                calls.insert(new NewCall(Outbox.storableKey(brief.dedupKey("CALL", to.phone())), brief.structureId(),
                        brief.advisorId(), brief.subject(), brief.reason(), to.name(), to.phone(), brief.call(),
                        brief.tellBefore(), clock.instant()));
            }
            case NONE -> { }
        }
        return way;
    }

    /** Nothing left to tell about the subject (the person cancelled): calls not made yet are dropped. */
    @Transactional
    public void withdrawCalls(SubjectRef subject) {
        calls.withdraw(subject);
    }

    /** Calls still to make in a structure (the morning digest says how many). */
    @Transactional(readOnly = true)
    public int callsDue(long structureId) {
        return calls.openCount(structureId, clock.instant());
    }
}
