package fr.rdvnumerique.atelier.domain;

import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Texts;
import fr.rdvnumerique.base.taxonomy.AtelierLevel;
import fr.rdvnumerique.base.taxonomy.Theme;
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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/** An atelier of the catalogue: what it teaches, to whom, for how long; sessions are its dates. */
@Entity
@Table(name = "atelier_workshop")
public class Workshop {

    public static final int TITLE_MAX = 120;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int NOTES_MAX = 500;
    public static final int MIN_DURATION = 15;
    public static final int MAX_DURATION = 480;
    public static final int MAX_CAPACITY = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "structure_id", nullable = false)
    private long structureId;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @Column(nullable = false, length = DESCRIPTION_MAX)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AtelierLevel level;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(name = "default_capacity", nullable = false)
    private int defaultCapacity;

    @Column(name = "what_to_bring", length = NOTES_MAX)
    private String whatToBring;

    @Column(name = "equipment_provided", length = NOTES_MAX)
    private String equipmentProvided;

    @BatchSize(size = 100)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "atelier_workshop_theme", joinColumns = @JoinColumn(name = "workshop_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "theme", nullable = false, length = 50)
    private Set<Theme> themes = new HashSet<>();

    @Column(nullable = false)
    private boolean active = true;

    protected Workshop() {
    }

    public Workshop(long structureId, Details details) {
        this.structureId = structureId;
        update(details);
    }

    /** The editable part of a workshop, checked as a whole. */
    public record Details(String title, String description, Set<Theme> themes, AtelierLevel level,
                          Integer durationMinutes, Integer defaultCapacity, String whatToBring,
                          String equipmentProvided) {
    }

    public void update(Details details) {
        // Text is kept as typed (markup included): views show it escaped.
        String newTitle = Texts.required(details.title(), TITLE_MAX);
        String newDescription = Texts.required(details.description(), DESCRIPTION_MAX);
        if (details.themes() == null || details.themes().isEmpty()) {
            throw new InvalidValueException("atelier.workshop.themes.required");
        }
        if (details.level() == null) {
            throw new InvalidValueException("atelier.workshop.level.required");
        }
        int duration = checkDuration(details.durationMinutes());
        int capacity = checkCapacity(details.defaultCapacity());
        String bring = Texts.optional(details.whatToBring(), NOTES_MAX);
        String equipment = Texts.optional(details.equipmentProvided(), NOTES_MAX);
        this.title = newTitle;
        this.description = newDescription;
        this.themes.clear();
        this.themes.addAll(details.themes());
        this.level = details.level();
        this.durationMinutes = duration;
        this.defaultCapacity = capacity;
        this.whatToBring = bring;
        this.equipmentProvided = equipment;
    }

    public static int checkDuration(Integer minutes) {
        if (minutes == null || minutes < MIN_DURATION || minutes > MAX_DURATION || minutes % 5 != 0) {
            throw new InvalidValueException("atelier.workshop.duration.invalid", MIN_DURATION, MAX_DURATION);
        }
        return minutes;
    }

    public static int checkCapacity(Integer capacity) {
        if (capacity == null || capacity < 1 || capacity > MAX_CAPACITY) {
            throw new InvalidValueException("atelier.capacity.invalid", MAX_CAPACITY);
        }
        return capacity;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Details details() {
        return new Details(title, description, themes.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes),
                level, durationMinutes, defaultCapacity, whatToBring, equipmentProvided);
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

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public AtelierLevel getLevel() {
        return level;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public int getDefaultCapacity() {
        return defaultCapacity;
    }

    public String getWhatToBring() {
        return whatToBring;
    }

    public String getEquipmentProvided() {
        return equipmentProvided;
    }

    public Set<Theme> getThemes() {
        return Set.copyOf(themes);
    }

    public boolean isActive() {
        return active;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Workshop w && id != null && id.equals(w.id);
    }

    @Override
    public int hashCode() {
        return Workshop.class.hashCode();
    }
}
