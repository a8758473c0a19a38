package fr.rdvnumerique.territory;

import java.util.Set;

/** What a coordinator types for an advisor. */
public record AdvisorForm(String displayName, String email, AdvisorKind kind, Set<Long> placeIds) {
}
