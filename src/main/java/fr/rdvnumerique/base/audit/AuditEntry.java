package fr.rdvnumerique.base.audit;

import java.time.Instant;

/** One line of the journal, as the « Journal des actions » shows it. */
public record AuditEntry(long id, Instant occurredAt, AuditActor actor, AuditKind kind, Long recordId,
                         Long structureId, String changes) {
}
