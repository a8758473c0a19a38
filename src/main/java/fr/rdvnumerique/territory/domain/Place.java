package fr.rdvnumerique.territory.domain;

import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.i18n.Article;
import fr.rdvnumerique.territory.PlaceKind;
import fr.rdvnumerique.territory.StepFreeAccess;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A place where the advisor receives people: médiathèque, mairie, tiers-lieu. */
@Entity
@Table(name = "place")
public class Place {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "structure_id", nullable = false)
    private long structureId;

    @Column(name = "commune_id", nullable = false)
    private long communeId;

    @Column(nullable = false, length = 120)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Article article = Article.NONE;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private PlaceKind kind;

    @Column(nullable = false, length = 200)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(name = "step_free_access", nullable = false, length = 10)
    private StepFreeAccess stepFreeAccess;

    @Column(length = 300)
    private String transport;

    @Column(length = 300)
    private String parking;

    @Column(name = "public_notes", length = 1000)
    private String publicNotes;

    @Column(nullable = false)
    private boolean active = true;

    protected Place() {
    }

    public Place(long structureId, PlaceDetails details) {
        this.structureId = structureId;
        update(details);
    }

    /** The editable part of a place, checked as a whole. */
    public record PlaceDetails(long communeId, String name, Article article, PlaceKind kind, String address,
                               StepFreeAccess stepFreeAccess, String transport, String parking, String publicNotes) {
    }

    public void update(PlaceDetails details) {
        if (details.kind() == null) {
            throw new InvalidValueException("validation.required");
        }
        this.communeId = details.communeId();
        this.name = Texts.required(details.name(), 120);
        this.article = details.article() == null ? Article.guess(this.name) : details.article();
        this.kind = details.kind();
        this.address = Texts.required(details.address(), 200);
        this.stepFreeAccess = details.stepFreeAccess() == null ? StepFreeAccess.UNKNOWN : details.stepFreeAccess();
        this.transport = Texts.optional(details.transport(), 300);
        this.parking = Texts.optional(details.parking(), 300);
        this.publicNotes = Texts.optional(details.publicNotes(), 1000);
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public PlaceDetails details() {
        return new PlaceDetails(communeId, name, article, kind, address, stepFreeAccess, transport, parking, publicNotes);
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

    public long getCommuneId() {
        return communeId;
    }

    public String getName() {
        return name;
    }

    public Article getArticle() {
        return article;
    }

    public boolean isActive() {
        return active;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Place p && id != null && id.equals(p.id);
    }

    @Override
    public int hashCode() {
        return Place.class.hashCode();
    }
}
