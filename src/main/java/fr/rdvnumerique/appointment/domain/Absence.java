package fr.rdvnumerique.appointment.domain;

import fr.rdvnumerique.appointment.AbsenceKind;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/** An advisor away (leave, training): the time is claimed in the advisor's schedule, so nothing else is booked. */
@Entity
@Table(name = "advisor_absence")
public class Absence {

    public static final String OWNER_KIND = "ABSENCE";
    /** Longer absences are entered in several parts (each claims the advisor's time block by block). */
    public static final Duration MAX_LENGTH = Duration.ofDays(366);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "structure_id", nullable = false)
    private long structureId;

    @Column(name = "advisor_id", nullable = false)
    private long advisorId;

    @Column(name = "start_at", nullable = false)
    private Instant startAt;

    @Column(name = "end_at", nullable = false)
    private Instant endAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AbsenceKind kind;

    @Column(length = 300)
    private String note;

    protected Absence() {
    }

    public Absence(long structureId, long advisorId, Instant start, Instant end, AbsenceKind kind, String note) {
        if (start == null || end == null || kind == null) {
            throw new InvalidValueException("validation.required");
        }
        if (!end.isAfter(start)) {
            throw new InvalidValueException("appointment.absence.order");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw new InvalidValueException("appointment.absence.too-long");
        }
        this.structureId = structureId;
        this.advisorId = advisorId;
        this.startAt = start;
        this.endAt = end;
        this.kind = kind;
        this.note = Texts.optional(note, 300);
    }

    public Long getId() {
        return id;
    }

    public long getStructureId() {
        return structureId;
    }

    public long getAdvisorId() {
        return advisorId;
    }

    public Instant getStartAt() {
        return startAt;
    }

    public Instant getEndAt() {
        return endAt;
    }

    public AbsenceKind getKind() {
        return kind;
    }

    public String getNote() {
        return note;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Absence a && id != null && id.equals(a.id);
    }

    @Override
    public int hashCode() {
        return Absence.class.hashCode();
    }
}
