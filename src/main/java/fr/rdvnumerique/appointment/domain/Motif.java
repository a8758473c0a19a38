package fr.rdvnumerique.appointment.domain;

import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Texts;
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
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** What an appointment is for ("Faire une démarche en ligne"), how long it takes and where it is offered. */
@Entity
@Table(name = "appointment_motif")
public class Motif {

    public static final int MAX_LABEL = 120;
    public static final int MAX_DESCRIPTION = 300;
    public static final int MAX_WHAT_TO_BRING = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "structure_id", nullable = false)
    private long structureId;

    @Column(nullable = false, length = MAX_LABEL)
    private String label;

    @Column(name = "public_description", length = MAX_DESCRIPTION)
    private String publicDescription;

    /** One item per line, for the mails. */
    @Column(name = "what_to_bring", length = MAX_WHAT_TO_BRING)
    private String whatToBring;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Column(name = "buffer_minutes", nullable = false)
    private int bufferMinutes;

    @Column(name = "min_notice_hours", nullable = false)
    private int minNoticeHours;

    @Column(name = "horizon_days", nullable = false)
    private int horizonDays;

    @Column(name = "cancellation_cutoff_hours", nullable = false)
    private int cancellationCutoffHours;

    @Column(name = "aidants_connect", nullable = false)
    private boolean aidantsConnect;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private boolean active = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "appointment_motif_place", joinColumns = @JoinColumn(name = "motif_id"))
    @Column(name = "place_id", nullable = false)
    private Set<Long> placeIds = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "appointment_motif_theme", joinColumns = @JoinColumn(name = "motif_id"))
    @Column(name = "theme", nullable = false, length = 50)
    @Enumerated(EnumType.STRING)
    private Set<Theme> themes = EnumSet.noneOf(Theme.class);

    protected Motif() {
    }

    public Motif(long structureId, Details details) {
        this.structureId = structureId;
        update(details);
    }

    /** The editable part of a motif, checked as a whole. */
    public record Details(String label, String publicDescription, int durationMinutes, int bufferMinutes,
                          int minNoticeHours, int horizonDays, int cancellationCutoffHours, boolean aidantsConnect,
                          int position, Set<Long> placeIds, Set<Theme> themes, String whatToBring) {
    }

    public void update(Details d) {
        this.label = Texts.required(d.label(), MAX_LABEL);
        this.publicDescription = Texts.optional(d.publicDescription(), MAX_DESCRIPTION);
        this.whatToBring = Texts.optional(d.whatToBring(), MAX_WHAT_TO_BRING);
        if (d.durationMinutes() < 5 || d.durationMinutes() > 240 || d.durationMinutes() % 5 != 0) {
            throw new InvalidValueException("appointment.motif.duration.invalid");
        }
        if (d.bufferMinutes() < 0 || d.bufferMinutes() > 120 || d.bufferMinutes() % 5 != 0) {
            throw new InvalidValueException("appointment.motif.buffer.invalid");
        }
        if (d.minNoticeHours() < 0 || d.minNoticeHours() > 720) {
            throw new InvalidValueException("appointment.motif.notice.invalid");
        }
        if (d.horizonDays() < 1 || d.horizonDays() > 366) {
            throw new InvalidValueException("appointment.motif.horizon.invalid");
        }
        if (d.cancellationCutoffHours() < 0 || d.cancellationCutoffHours() > 720) {
            throw new InvalidValueException("appointment.motif.cutoff.invalid");
        }
        if (d.placeIds() == null || d.placeIds().isEmpty()) {
            throw new InvalidValueException("appointment.motif.places.required");
        }
        this.durationMinutes = d.durationMinutes();
        this.bufferMinutes = d.bufferMinutes();
        this.minNoticeHours = d.minNoticeHours();
        this.horizonDays = d.horizonDays();
        this.cancellationCutoffHours = d.cancellationCutoffHours();
        this.aidantsConnect = d.aidantsConnect();
        this.position = d.position();
        this.placeIds = new HashSet<>(d.placeIds());
        this.themes = d.themes() == null || d.themes().isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(d.themes());
    }

    public Details details() {
        return new Details(label, publicDescription, durationMinutes, bufferMinutes, minNoticeHours, horizonDays,
                cancellationCutoffHours, aidantsConnect, position, Set.copyOf(placeIds), themes(), whatToBring);
    }

    public SlotRules rules() {
        return new SlotRules(Duration.ofMinutes(durationMinutes), Duration.ofMinutes(bufferMinutes),
                Duration.ofHours(minNoticeHours), horizonDays);
    }

    public boolean offeredAt(long placeId) {
        return active && placeIds.contains(placeId);
    }

    public void setActive(boolean active) {
        this.active = active;
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

    public String getLabel() {
        return label;
    }

    public String getPublicDescription() {
        return publicDescription;
    }

    public String getWhatToBring() {
        return whatToBring;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public int getBufferMinutes() {
        return bufferMinutes;
    }

    public int getCancellationCutoffHours() {
        return cancellationCutoffHours;
    }

    public boolean isAidantsConnect() {
        return aidantsConnect;
    }

    public boolean isActive() {
        return active;
    }

    public Set<Long> getPlaceIds() {
        return Set.copyOf(placeIds);
    }

    public Set<Theme> themes() {
        return themes.isEmpty() ? EnumSet.noneOf(Theme.class) : EnumSet.copyOf(themes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Motif m && id != null && id.equals(m.id);
    }

    @Override
    public int hashCode() {
        return Motif.class.hashCode();
    }
}
