package fr.rdvnumerique.territory.domain;

import fr.rdvnumerique.base.domain.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A touch screen enrolled for one place (a kiosk at the médiathèque). Its secret is stored only as a hash;
 * the enrolment link works once, then the screen keeps the secret in a cookie. Revoking it stops the screen.
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

    /** The enrolment link works once: a second activation (a copied link) is refused. */
    public boolean activate(Instant now) {
        if (activatedAt != null || revokedAt != null) {
            return false;
        }
        activatedAt = now;
        lastSeenAt = now;
        return true;
    }

    public boolean isUsable() {
        return activatedAt != null && revokedAt == null;
    }

    public void seen(Instant now) {
        lastSeenAt = now;
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
