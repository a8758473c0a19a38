package fr.rdvnumerique.territory.domain;

import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.territory.AdvisorKind;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
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
import java.util.stream.Collectors;

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

    // Each row repeats the structure: the database's composite keys then refuse a place of another structure.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "advisor_place", joinColumns = @JoinColumn(name = "advisor_id"))
    private Set<PlaceLink> places = new HashSet<>();

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
        var links = new HashSet<PlaceLink>();
        for (Long placeId : newPlaceIds == null ? Set.<Long>of() : newPlaceIds) {
            if (placeId == null) {
                throw new InvalidValueException("validation.required");
            }
            links.add(new PlaceLink(placeId, structureId));
        }
        // Replaced only when it changed: Hibernate rewrites every row of a replaced collection.
        if (!links.equals(places)) {
            places.clear();
            places.addAll(links);
        }
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public boolean worksAt(long placeId) {
        return places.contains(new PlaceLink(placeId, structureId));
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
        return places.stream().map(PlaceLink::placeId).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isActive() {
        return active;
    }

    /** A place where the advisor works, with the structure both belong to. */
    @Embeddable
    record PlaceLink(@Column(name = "place_id", nullable = false) long placeId,
                     @Column(name = "structure_id", nullable = false) long structureId) {
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
