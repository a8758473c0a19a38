package fr.rdvnumerique.base.security;

import java.util.Set;

/**
 * What an administrator or a coordinator types to create or change an account. No password: the person chooses
 * it through the invitation's link.
 */
public record StaffAccountForm(String email, String displayName, Set<Role> roles, Long structureId, Long advisorId) {
}
