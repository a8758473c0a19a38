package fr.rdvnumerique.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A time a resident can book: from {@code start} to {@code end} (the motif's duration), with the advisors free
 * then, in the order the booking tries them.
 */
public record FreeSlot(Instant start, Instant end, List<Long> advisorIds) {

    public FreeSlot {
        advisorIds = List.copyOf(advisorIds);
    }

    public LocalDate day() {
        return start.atZone(fr.rdvnumerique.base.time.ParisTime.ZONE).toLocalDate();
    }
}
