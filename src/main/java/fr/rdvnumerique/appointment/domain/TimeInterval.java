package fr.rdvnumerique.appointment.domain;

import java.time.Instant;

/** A stretch of time, start included, end excluded. */
public record TimeInterval(Instant start, Instant end) {

    public TimeInterval {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("End must be after start");
        }
    }

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
