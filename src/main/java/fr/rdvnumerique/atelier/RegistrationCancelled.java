package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.domain.CancelledBy;

/**
 * A registration was cancelled; one event per person, also when the whole session is cancelled
 * ({@link CancellationReason#SESSION_CANCELLED}).
 *
 * @param previousStatus whether the person had a seat or was waiting
 */
public record RegistrationCancelled(long registrationId, long sessionId, long structureId, CancelledBy cancelledBy,
                                    CancellationReason reason, RegistrationStatus previousStatus, int sequence) {
}
