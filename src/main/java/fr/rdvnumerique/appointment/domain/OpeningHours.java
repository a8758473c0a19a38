package fr.rdvnumerique.appointment.domain;

import fr.rdvnumerique.base.domain.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/** A plage d'ouverture: an advisor receives at a place every given weekday, from–to, between two dates. */
@Entity
@Table(name = "opening_hours")
public class OpeningHours {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "structure_id", nullable = false)
    private long structureId;

    @Column(name = "advisor_id", nullable = false)
    private long advisorId;

    @Column(name = "place_id", nullable = false)
    private long placeId;

    @Column(nullable = false)
    private int weekday;

    @Column(name = "start_time", nullable = false)
    private LocalTime startTime;

    @Column(name = "end_time", nullable = false)
    private LocalTime endTime;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    protected OpeningHours() {
    }

    public OpeningHours(long structureId, Details details) {
        this.structureId = structureId;
        update(details);
    }

    public record Details(long advisorId, long placeId, DayOfWeek weekday, LocalTime start, LocalTime end,
                          LocalDate validFrom, LocalDate validUntil) {
    }

    public void update(Details d) {
        if (d.weekday() == null || d.start() == null || d.end() == null || d.validFrom() == null) {
            throw new InvalidValueException("validation.required");
        }
        if (!onGrid(d.start()) || !onGrid(d.end())) {
            throw new InvalidValueException("appointment.hours.grid");
        }
        if (!d.end().isAfter(d.start())) {
            throw new InvalidValueException("appointment.hours.order");
        }
        if (d.validUntil() != null && d.validUntil().isBefore(d.validFrom())) {
            throw new InvalidValueException("appointment.hours.validity");
        }
        this.advisorId = d.advisorId();
        this.placeId = d.placeId();
        this.weekday = d.weekday().getValue();
        this.startTime = d.start();
        this.endTime = d.end();
        this.validFrom = d.validFrom();
        this.validUntil = d.validUntil();
    }

    private static boolean onGrid(LocalTime time) {
        return time.getMinute() % 5 == 0 && time.getSecond() == 0 && time.getNano() == 0;
    }

    public Details details() {
        return new Details(advisorId, placeId, DayOfWeek.of(weekday), startTime, endTime, validFrom, validUntil);
    }

    public OpeningWindow window() {
        return new OpeningWindow(advisorId, placeId, DayOfWeek.of(weekday), startTime, endTime, validFrom, validUntil);
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

    public long getAdvisorId() {
        return advisorId;
    }

    public long getPlaceId() {
        return placeId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpeningHours o && id != null && id.equals(o.id);
    }

    @Override
    public int hashCode() {
        return OpeningHours.class.hashCode();
    }
}
