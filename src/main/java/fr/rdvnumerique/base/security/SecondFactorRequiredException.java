package fr.rdvnumerique.base.security;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right, but the account signs in only with its second factor (or, for an administrator without
 * one, after setting it up). Spring Security treats it as a failed sign-in, so the session stays anonymous and no
 * staff page opens; the sign-in page finds it in the session and asks for the code (ADR 020).
 */
public class SecondFactorRequiredException extends AuthenticationException {

    private final PendingSignIn pending;

    SecondFactorRequiredException(PendingSignIn pending) {
        super("Second factor required");
        this.pending = pending;
    }

    public PendingSignIn pending() {
        return pending;
    }
}
