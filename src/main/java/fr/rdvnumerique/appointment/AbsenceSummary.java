package fr.rdvnumerique.appointment;

import java.time.Instant;

public record AbsenceSummary(long id, long advisorId, String advisorName, Instant start, Instant end, AbsenceKind kind,
                             String note) {
}
