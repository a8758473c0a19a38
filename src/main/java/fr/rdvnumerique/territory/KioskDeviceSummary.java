package fr.rdvnumerique.territory;

import java.time.Instant;

/** An enrolled screen as staff see it. */
public record KioskDeviceSummary(long id, long placeId, String placeName, String label, Instant createdAt,
                                 Instant activatedAt, Instant revokedAt, Instant lastSeenAt) {

    public boolean pending() {
        return activatedAt == null && revokedAt == null;
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
