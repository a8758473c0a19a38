package fr.rdvnumerique.base.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks passwords through the delegate, but stops answering an account or address that keeps failing. Counts the
 * failures ({@code rdv.sign.in.failures}: a wrong password, or refused while throttled), never who failed.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final Counter wrongPasswords;
    private final Counter throttled;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle, MeterRegistry meters) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.wrongPasswords = failures(meters, "bad_credentials");
        this.throttled = failures(meters, "throttled");
    }

    private static Counter failures(MeterRegistry meters, String reason) {
        return Counter.builder("rdv.sign.in.failures").description("Failed staff sign-ins").tag("reason", reason)
                .register(meters);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        if (throttle.isBlocked(username, address)) {
            throttled.increment();
            throw new LoginThrottledException();
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(username);
            return result;
        } catch (BadCredentialsException e) {
            wrongPasswords.increment();
            throttle.failed(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
