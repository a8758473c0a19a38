package fr.rdvnumerique.territory.domain;

import fr.rdvnumerique.base.domain.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A touch screen enrolled for one place (a kiosk at the médiathèque). Two secrets, each stored only as a hash:
 * the activation link's, which works once, and the screen's own, created by that activation and kept in the
 * screen's cookie (a link copied or seen in a mail never becomes the key of a working kiosk). Revoking it stops
 * the screen.
 * "Last seen" is written by a plain update ({@link KioskDeviceRepository#markSeen}), not through this entity, so
 * a kiosk in use never collides with a coordinator revoking it (the version guards staff edits only).
 */
@Entity
@Table(name = "kiosk_device")
public class KioskDevice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "structure_id", nullable = false)
    private long structureId;

    @Column(name = "place_id", nullable = false)
    private long placeId;

    @Column(nullable = false, length = 80)
    private String label;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "secret_hash", length = 64)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    protected KioskDevice() {
    }

    public KioskDevice(long structureId, long placeId, String label, String tokenHash, Instant now) {
        this.structureId = structureId;
        this.placeId = placeId;
        this.label = Texts.required(label, 80);
        this.tokenHash = tokenHash;
        this.createdAt = now;
    }

    /** The activation link still works: never used, not revoked, not expired. */
    public boolean awaitsActivation(Instant now, Duration validity) {
        return activatedAt == null && revokedAt == null && !linkExpired(now, validity);
    }

    /**
     * The enrolment link works once, and only for {@code validity} after it was created: a second activation
     * (a copied link) or a link found long after is refused. From now on the screen is known by its own secret.
     */
    public boolean activate(Instant now, Duration validity, String secretHash) {
        if (!awaitsActivation(now, validity)) {
            return false;
        }
        activatedAt = now;
        lastSeenAt = now;
        this.secretHash = secretHash;
        return true;
    }

    /** A link never opened on a screen stops working after {@code validity}. */
    public boolean linkExpired(Instant now, Duration validity) {
        return activatedAt == null && !now.isBefore(createdAt.plus(validity));
    }

    public boolean isUsable() {
        return activatedAt != null && revokedAt == null;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public long getStructureId() {
        return structureId;
    }

    public long getPlaceId() {
        return placeId;
    }

    public String getLabel() {
        return label;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KioskDevice d && id != null && id.equals(d.id);
    }

    @Override
    public int hashCode() {
        return KioskDevice.class.hashCode();
    }
}
