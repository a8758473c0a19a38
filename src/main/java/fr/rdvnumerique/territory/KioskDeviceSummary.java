package fr.rdvnumerique.territory;

import java.time.Instant;

/**
 * An enrolled screen as staff see it.
 *
 * @param linkExpired    the activation link was never opened and no longer works: enrol the screen again
 * @param placeSwitchedOff its place (or the place's commune) is switched off: the screen takes no registration
 */
public record KioskDeviceSummary(long id, long placeId, String placeName, String label, Instant createdAt,
                                 Instant activatedAt, Instant revokedAt, Instant lastSeenAt, boolean linkExpired,
                                 boolean placeSwitchedOff) {

    public boolean pending() {
        return activatedAt == null && revokedAt == null && !linkExpired;
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
