package fr.rdvnumerique.notification.internal;

import fr.rdvnumerique.notification.domain.StaffNote;

import java.time.Instant;

/** A message as the outbox screen lists it; {@code channel} EMAIL or SMS. */
public record OutboxRow(long id, Instant createdAt, String channel, MessageKind kind, String recipient, String subject,
                        DeliveryStatus status, int attempts, Instant nextAttemptAt, Instant sentAt, StaffNote lastError,
                        Long resendOf) {

    /** A sent message may be sent again (a new copy); a failed one is tried again. */
    public boolean canResend() {
        return status == DeliveryStatus.SENT || status == DeliveryStatus.FAILED;
    }
}
