package fr.rdvnumerique.appointment.domain;

import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Texts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** A place closed for whole days (works, local event): no appointment there, whoever the advisor. */
@Entity
@Table(name = "place_closure")
public class PlaceClosure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "structure_id", nullable = false)
    private long structureId;

    @Column(name = "place_id", nullable = false)
    private long placeId;

    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    private LocalDate lastDay;

    @Column(length = 200)
    private String reason;

    protected PlaceClosure() {
    }

    public PlaceClosure(long structureId, long placeId, LocalDate firstDay, LocalDate lastDay, String reason) {
        if (firstDay == null || lastDay == null) {
            throw new InvalidValueException("validation.required");
        }
        if (lastDay.isBefore(firstDay)) {
            throw new InvalidValueException("appointment.closure.order");
        }
        if (firstDay.plusYears(1).isBefore(lastDay)) {
            throw new InvalidValueException("appointment.closure.too-long");
        }
        this.structureId = structureId;
        this.placeId = placeId;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.reason = Texts.optional(reason, 200);
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

    public LocalDate getFirstDay() {
        return firstDay;
    }

    public LocalDate getLastDay() {
        return lastDay;
    }

    public String getReason() {
        return reason;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlaceClosure c && id != null && id.equals(c.id);
    }

    @Override
    public int hashCode() {
        return PlaceClosure.class.hashCode();
    }
}
