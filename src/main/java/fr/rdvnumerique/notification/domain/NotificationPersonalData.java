package fr.rdvnumerique.notification.domain;

import fr.rdvnumerique.base.retention.PersonalDataHolder;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox keeps each mail and text message as it left (name, address or number, the whole text), digest
 * notices name residents, and the « À appeler » list holds names and numbers: past the retention period all are
 * deleted (calls by their deadline, the activity's start). Nothing here counts for the activity report.
 */
@Component
class NotificationPersonalData implements PersonalDataHolder {

    private final OutboxRepository messages;
    private final StaffNoticeRepository notices;
    private final CallRepository calls;

    NotificationPersonalData(OutboxRepository messages, StaffNoticeRepository notices, CallRepository calls) {
        this.messages = messages;
        this.notices = notices;
        this.calls = calls;
    }

    @Override
    public String name() {
        return "messages";
    }

    @Override
    @Transactional
    public int anonymiseEndedBefore(Instant cutoff) {
        return messages.deleteFinishedBefore(cutoff) + notices.deleteDigestedBefore(cutoff)
                + calls.deleteDueBefore(cutoff);
    }
}
