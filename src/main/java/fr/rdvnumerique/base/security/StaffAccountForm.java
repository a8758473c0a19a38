package fr.rdvnumerique.base.security;

import java.util.Set;

/**
 * What the administrator types to create or change an account. The password is only read on creation or when
 * it is not blank.
 */
public record StaffAccountForm(String email, String displayName, Set<Role> roles, Long structureId, Long advisorId,
                               String password) {
}
