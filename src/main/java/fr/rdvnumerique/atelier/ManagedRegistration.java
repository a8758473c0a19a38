package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.domain.CancelledBy;
import java.time.Instant;

/**
 * A registration as its owner sees it through their private link.
 *
 * @param position      place on the waiting list (1 = next), or null
 * @param cancellable   whether the person may still cancel it themselves
 * @param structureSlug to link back to the territory's ateliers
 */
public record ManagedRegistration(long registrationId, String firstName, String lastName, String companionName,
                                  int seats, RegistrationStatus status, Integer position, boolean cancellable,
                                  Instant cancelledAt, CancelledBy cancelledBy, CancellationReason cancellationReason,
                                  SessionCard session, String structureSlug) {
}
