package fr.rdvnumerique.base.security;

import java.time.Instant;

/** A working one-time link, as its page shows it: whose account, why, until when. */
public record PasswordLink(String email, String displayName, AccountLinkPurpose purpose, Instant expiresAt) {
}
