package fr.rdvnumerique.base.security;

import java.util.Set;

/**
 * A staff account as the accounts screen lists it.
 *
 * @param awaitingPassword invited, and the person has not chosen a password yet
 * @param secondFactor     the person has set up a second factor
 */
public record StaffAccountView(long id, String email, String displayName, Set<Role> roles, Long structureId,
                               Long advisorId, boolean active, boolean awaitingPassword, boolean secondFactor) {

    static StaffAccountView of(StaffAccount account, boolean awaitingPassword) {
        return new StaffAccountView(account.getId(), account.getEmail(), account.getDisplayName(), account.getRoles(),
                account.getStructureId(), account.getAdvisorId(), account.isActive(), awaitingPassword,
                account.hasSecondFactor());
    }
}
