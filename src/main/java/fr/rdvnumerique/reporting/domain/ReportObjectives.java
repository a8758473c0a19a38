package fr.rdvnumerique.reporting.domain;

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
 * The objectives for the next year, the part of the report the figures cannot write: one text per structure and
 * report year, written by the coordinator.
 */
@Entity
@Table(name = "report_objectives")
public class ReportObjectives {

    public static final int MAX_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "structure_id", nullable = false)
    private long structureId;

    @Column(name = "report_year", nullable = false)
    private int year;

    @Column(nullable = false, length = MAX_LENGTH)
    private String text;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ReportObjectives() {
    }

    public ReportObjectives(long structureId, int year) {
        this.structureId = structureId;
        this.year = year;
        this.text = "";
    }

    /** Blank is allowed: clearing the objectives is a choice. */
    public void rewrite(String newText, Instant at) {
        String value = Texts.optional(newText, MAX_LENGTH);
        this.text = value == null ? "" : value;
        this.updatedAt = at;
    }

    public long getVersion() {
        return version;
    }

    public String getText() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ReportObjectives o && id != null && id.equals(o.id);
    }

    @Override
    public int hashCode() {
        return ReportObjectives.class.hashCode();
    }
}
