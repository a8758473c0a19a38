package fr.rdvnumerique.notification.domain;

import fr.rdvnumerique.base.retention.PersonalDataHolder;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox keeps each mail as it left (name, address, the whole text), and digest notices name residents: past
 * the retention period both are deleted. Nothing here counts for the activity report.
 */
@Component
class NotificationPersonalData implements PersonalDataHolder {

    private final OutboxRepository messages;
    private final StaffNoticeRepository notices;

    NotificationPersonalData(OutboxRepository messages, StaffNoticeRepository notices) {
        this.messages = messages;
        this.notices = notices;
    }

    @Override
    public String name() {
        return "messages";
    }

    @Override
    @Transactional
    public int anonymiseEndedBefore(Instant cutoff) {
        return messages.deleteFinishedBefore(cutoff) + notices.deleteDigestedBefore(cutoff);
    }
}
