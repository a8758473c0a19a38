package fr.rdvnumerique.territory;

import fr.rdvnumerique.base.domain.PhoneNumber;

/** A structure as residents and other modules see it. */
public record StructureSummary(long id, String name, String slug, StructureKind kind, PhoneNumber phone,
                               String email, boolean active) {
}
