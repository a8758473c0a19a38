package fr.rdvnumerique.atelier.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** The hash of one private management link; the link itself is never stored. */
@Entity
@Table(name = "atelier_registration_token")
public class RegistrationToken implements Persistable<String> {

    @Id
    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "registration_id", nullable = false)
    private long registrationId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Transient
    private boolean fresh = true;

    protected RegistrationToken() {
    }

    public RegistrationToken(String tokenHash, long registrationId, Instant createdAt) {
        if (tokenHash == null || !tokenHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("A token is stored as its SHA-256 in hex");
        }
        this.tokenHash = tokenHash;
        this.registrationId = registrationId;
        this.createdAt = createdAt;
    }

    public long getRegistrationId() {
        return registrationId;
    }

    @Override
    public String getId() {
        return tokenHash;
    }

    /** Tokens are only ever inserted: saving a new one needs no select first. */
    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    void loaded() {
        fresh = false;
    }
}
