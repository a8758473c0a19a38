package fr.rdvnumerique.territory;

import java.util.Set;

/** An advisor and the places they work at. */
public record AdvisorSummary(long id, long structureId, String displayName, String email, AdvisorKind kind,
                             Set<Long> placeIds, boolean active) {
}
