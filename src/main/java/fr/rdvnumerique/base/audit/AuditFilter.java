package fr.rdvnumerique.base.audit;

import java.time.LocalDate;

/**
 * What the journal shows; every part optional (null). Dates are Paris days, both included. A coordinator's
 * journal is always their structure's, whatever {@code structureId} says; an administrator may name one.
 */
public record AuditFilter(Long actorAccountId, LocalDate from, LocalDate to, AuditKind kind, Long recordId,
                          Long structureId) {

    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    public AuditFilter withKind(AuditKind kind) {
        return new AuditFilter(actorAccountId, from, to, kind, recordId, structureId);
    }

    public AuditFilter withRecord(Long recordId) {
        return new AuditFilter(actorAccountId, from, to, kind, recordId, structureId);
    }

    public AuditFilter withActor(Long actorAccountId) {
        return new AuditFilter(actorAccountId, from, to, kind, recordId, structureId);
    }

    public AuditFilter withPeriod(LocalDate from, LocalDate to) {
        return new AuditFilter(actorAccountId, from, to, kind, recordId, structureId);
    }
}
