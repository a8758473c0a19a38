package fr.rdvnumerique.base.security;

import java.util.Set;

/** A staff account as the administration screen lists it. */
public record StaffAccountView(long id, String email, String displayName, Set<Role> roles, Long structureId,
                               Long advisorId, boolean active) {

    static StaffAccountView of(StaffAccount account) {
        return new StaffAccountView(account.getId(), account.getEmail(), account.getDisplayName(), account.getRoles(),
                account.getStructureId(), account.getAdvisorId(), account.isActive());
    }
}
