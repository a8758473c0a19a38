package fr.rdvnumerique.base.security;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins: this one is refused without even checking the password. */
public class LoginThrottledException extends AuthenticationException {

    LoginThrottledException() {
        super("Too many failed sign-ins; try again later");
    }
}
