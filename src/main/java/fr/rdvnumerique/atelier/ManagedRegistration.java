package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.domain.CancelledBy;
import java.time.Instant;

/**
 * A registration as its owner sees it through their private link.
 *
 * @param position      place on the waiting list (1 = next), or null
 * @param cancellable   whether the person may still cancel it themselves
 * @param structureSlug to link back to the territory's ateliers
 * @param presenceConfirmedAt when the person said « Je viens », or null
 * @param offerExpiresAt until when a freed seat is held for this waiting person, or null without offer
 * @param email         the e-mail on file, or null
 * @param phone         the phone on file, as shown (national format), or null
 */
public record ManagedRegistration(long registrationId, String firstName, String lastName, String companionName,
                                  int seats, RegistrationStatus status, Integer position, boolean cancellable,
                                  Instant cancelledAt, CancelledBy cancelledBy, CancellationReason cancellationReason,
                                  SessionCard session, String structureSlug, Instant presenceConfirmedAt,
                                  Instant offerExpiresAt, String email, String phone) {

    /** A seat is held for this person until {@link #offerExpiresAt()}: « Je viens » takes it. */
    public boolean hasOffer() {
        return offerExpiresAt != null;
    }
}
