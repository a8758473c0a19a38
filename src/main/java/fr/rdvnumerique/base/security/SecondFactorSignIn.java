package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.audit.AuditActor;
import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.web.ClientAddress;
import java.time.Duration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second step of a staff sign-in (ADR 020): after the right password ({@link PendingSignIn}), the code of the
 * account's second factor, or for an administrator who has none yet, a code from the secret being set up. Only then
 * does the person get an authentication. Wrong codes count with wrong passwords in the account's progressive delay
 * ({@link SignInAttempts}), which the right password alone does not clear, and in the address's brake
 * ({@link LoginThrottle}); a code is good once.
 */
@Service
public class SecondFactorSignIn {

    /** How long a checked password waits for its code. */
    static final Duration PENDING_FOR = Duration.ofMinutes(5);

    private final StaffAccountRepository accounts;
    private final StaffUserDetailsService users;
    private final SecondFactors factors;
    private final SignInAttempts attempts;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final SecondFactorSecrets secrets;
    private final LoginThrottle throttle;

    SecondFactorSignIn(StaffAccountRepository accounts, StaffUserDetailsService users, SecondFactors factors,
                       SignInAttempts attempts, AuditTrail audit, TransactionTemplate transactions,
                       SecondFactorSecrets secrets, LoginThrottle throttle) {
        this.secrets = secrets;
        this.throttle = throttle;
        this.transactions = transactions;
        this.accounts = accounts;
        this.users = users;
        this.factors = factors;
        this.attempts = attempts;
        this.audit = audit;
    }

    /** A secret for the administrator who must set up their second factor; nothing is stored yet. */
    public SecondFactorEnrolment propose(PendingSignIn pending) {
        return SecondFactorEnrolment.fresh(pending.email());
    }

    public boolean isExpired(PendingSignIn pending) {
        return pending == null || !factors.now().isBefore(pending.passwordCheckedAt().plus(PENDING_FOR));
    }

    /**
     * Checks the code and returns the authentication to keep in the session. {@code offered}: the secret shown to an
     * administrator setting up (ignored otherwise), kept on the account once the code matches.
     * <p>
     * Not one transaction: spending the code locks the account's row until it commits, and the failures and the
     * sign-in are written in transactions of their own ({@link SignInAttempts}), which would wait for that lock.
     */
    public Authentication complete(PendingSignIn pending, SecondFactorEnrolment offered, String code) {
        if (isExpired(pending)) {
            throw new BusinessRuleException("login.second-factor.expired");
        }
        // The address's brake of the password step (LoginThrottle) holds for codes too.
        String address = ClientAddress.current();
        if (throttle.isBlocked(address)) {
            attempts.refused(pending.email(), "address-braked");
            throw new BusinessRuleException("login.blocked");
        }
        var wait = attempts.waitFor(pending.email());
        if (!wait.isZero()) {
            throw new BusinessRuleException("login.second-factor.wait", Math.max(1, wait.toSeconds() + 1));
        }
        var account = accounts.findById(pending.accountId()).orElse(null);
        StaffPrincipal principal = principal(pending);
        // Deactivated, password reset, second factor set up or removed elsewhere meanwhile: start again.
        if (account == null || principal == null || !principal.isEnabled()
                || account.getSecurityStamp() != pending.securityStamp()
                || account.hasSecondFactor() == pending.enrol() || (pending.enrol() && offered == null)) {
            throw new BusinessRuleException("login.second-factor.expired");
        }
        String secret = pending.enrol() ? offered.secret() : secrets.open(account.getId(), account.getTotpSecret());
        switch (factors.spend(account.getId(), secret, code)) {
            case ACCEPTED -> {
            }
            case WRONG -> {
                attempts.failed(pending.email(), "wrong-code");
                throttle.failed(address);
                throw InvalidValueException.forField(SecondFactorService.CODE, "login.second-factor.wrong-code");
            }
            case REPLAYED -> {
                attempts.failed(pending.email(), "replayed-code");
                throttle.failed(address);
                throw InvalidValueException.forField(SecondFactorService.CODE, "staff.second-factor.used-code");
            }
        }
        if (pending.enrol()) {
            transactions.executeWithoutResult(status -> {
                var enrolled = accounts.findById(pending.accountId()).orElseThrow();
                enrolled.enableSecondFactor(secrets.seal(enrolled.getId(), secret));
                audit.recordAs(AuditActor.staff(enrolled.getId(), enrolled.getDisplayName()),
                        AuditKind.SECOND_FACTOR_ENABLED, enrolled.getId(), enrolled.getStructureId(),
                        AuditChanges.value("by", "sign-in"));
            });
        }
        attempts.succeeded(principal);
        principal.eraseCredentials();
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private StaffPrincipal principal(PendingSignIn pending) {
        try {
            return users.loadUserByUsername(pending.email()) instanceof StaffPrincipal staff
                    && staff.accountId() == pending.accountId() ? staff : null;
        } catch (UsernameNotFoundException gone) {
            return null;
        }
    }
}
