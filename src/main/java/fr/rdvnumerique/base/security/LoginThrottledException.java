package fr.rdvnumerique.base.security;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many failed sign-ins: this one is refused without even checking the password. {@link #waitSeconds()} is how
 * long the account still waits, or 0 when the address is the one braked (for some minutes).
 */
public class LoginThrottledException extends AuthenticationException {

    private final long waitSeconds;

    LoginThrottledException(long waitSeconds) {
        super("Too many failed sign-ins; try again later");
        this.waitSeconds = waitSeconds;
    }

    public long waitSeconds() {
        return waitSeconds;
    }
}
