package fr.rdvnumerique.territory.domain;

import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.territory.AdvisorKind;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashSet;
import java.util.Set;

/** A conseiller or médiateur numérique, and the places where they work. */
@Entity
@Table(name = "advisor")
public class Advisor {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "structure_id", nullable = false)
    private long structureId;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(nullable = false, length = 254)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private AdvisorKind kind;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "advisor_place", joinColumns = @JoinColumn(name = "advisor_id"))
    @Column(name = "place_id", nullable = false)
    private Set<Long> placeIds = new HashSet<>();

    @Column(nullable = false)
    private boolean active = true;

    protected Advisor() {
    }

    public Advisor(long structureId, String displayName, EmailAddress email, AdvisorKind kind, Set<Long> placeIds) {
        this.structureId = structureId;
        update(displayName, email, kind, placeIds);
    }

    public void update(String newDisplayName, EmailAddress newEmail, AdvisorKind newKind, Set<Long> newPlaceIds) {
        if (newEmail == null) {
            throw new InvalidValueException("validation.required");
        }
        if (newKind == null) {
            throw new InvalidValueException("validation.required");
        }
        this.displayName = Texts.required(newDisplayName, 120);
        this.email = newEmail.value();
        this.kind = newKind;
        this.placeIds = new HashSet<>(newPlaceIds == null ? Set.of() : newPlaceIds);
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public boolean worksAt(long placeId) {
        return placeIds.contains(placeId);
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public long getStructureId() {
        return structureId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public AdvisorKind getKind() {
        return kind;
    }

    public Set<Long> getPlaceIds() {
        return Set.copyOf(placeIds);
    }

    public boolean isActive() {
        return active;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Advisor a && id != null && id.equals(a.id);
    }

    @Override
    public int hashCode() {
        return Advisor.class.hashCode();
    }
}
