package fr.rdvnumerique.base.security;

import java.io.Serializable;
import java.time.Instant;

/**
 * A sign-in whose password was right and whose second factor is still to come (ADR 020): kept in the HTTP session
 * by the sign-in page, it grants nothing. {@code enrol}: an administrator without a second factor, who must set one
 * up before anything else. The security stamp catches a password reset or a deactivation in between.
 */
public record PendingSignIn(long accountId, String email, long securityStamp, Instant passwordCheckedAt,
                            boolean enrol) implements Serializable {
}
