package fr.rdvnumerique.base.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks passwords through the delegate, but makes an account that keeps failing wait longer and longer before its
 * next attempt ({@link SignInDelay}, in the database), and stops answering an address that keeps failing. Every
 * sign-in, won or refused, is audited ({@link SignInAttempts}). Counts the failures ({@code rdv.sign.in.failures}: a
 * wrong password, or refused while throttled), never who failed. An account with a second factor, and every
 * administrator, is not signed in by its password alone: {@link SecondFactorRequiredException} (ADR 020).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final SignInAttempts attempts;
    private final SecondFactors secondFactors;
    private final Counter wrongPasswords;
    private final Counter throttled;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle, SignInAttempts attempts,
                                    SecondFactors secondFactors, MeterRegistry meters) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.attempts = attempts;
        this.secondFactors = secondFactors;
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
        if (throttle.isBlocked(address)) {
            throttled.increment();
            attempts.refused(username, "address-braked");
            throw new LoginThrottledException(0);
        }
        Duration wait = attempts.waitFor(username);
        if (!wait.isZero()) {
            throttled.increment();
            attempts.refused(username, "delayed");
            throw new LoginThrottledException(Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0)));
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.getPrincipal() instanceof StaffPrincipal staff) {
                // With a second factor the sign-in is not won yet: the session stays anonymous, the account's failed
                // attempts stay counted (the right password must not reset the delay of someone guessing codes).
                PendingSignIn pending = secondFactors.pendingFor(staff);
                if (pending != null) {
                    throw new SecondFactorRequiredException(pending);
                }
                attempts.succeeded(staff);
            }
            return result;
        } catch (BadCredentialsException e) {
            wrongPasswords.increment();
            attempts.failed(username, "wrong-password");
            throttle.failed(address);
            throw e;
        } catch (AccountStatusException e) {
            attempts.refused(username, "disabled");
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
