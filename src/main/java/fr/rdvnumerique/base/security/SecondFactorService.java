package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Validation en deux étapes » in « Mon compte » (ADR 020): a staff member turns their second factor on (optional
 * for advisors and coordinators) or off (never for administrators, who must have one). Turning it on keeps the
 * secret only after a code from it was typed, so nobody is locked out by a QR code their app never read; turning it
 * off asks the password and a code, so that a session left open is not enough.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SecondFactorService {

    /** The form fields a refusal names. */
    public static final String CODE = "code";
    public static final String PASSWORD = "password";

    private final StaffAccountRepository accounts;
    private final CurrentStaff currentStaff;
    private final SecondFactors factors;
    private final SignInAttempts attempts;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final SecondFactorSecrets secrets;

    SecondFactorService(StaffAccountRepository accounts, CurrentStaff currentStaff, SecondFactors factors,
                        SignInAttempts attempts, PasswordEncoder passwords, AuditTrail audit,
                        SecondFactorSecrets secrets) {
        this.secrets = secrets;
        this.accounts = accounts;
        this.currentStaff = currentStaff;
        this.factors = factors;
        this.attempts = attempts;
        this.passwords = passwords;
        this.audit = audit;
    }

    public record Status(boolean enabled, boolean required) {
    }

    @Transactional(readOnly = true)
    public Status status() {
        var account = mine();
        return new Status(account.hasSecondFactor(), account.requiresSecondFactor());
    }

    /** A fresh secret for the signed-in person; nothing is stored yet. */
    public SecondFactorEnrolment propose() {
        return SecondFactorEnrolment.fresh(currentStaff.require().getUsername());
    }

    /** Keeps the offered secret once {@code code} shows the person's app has it. */
    @Transactional
    public void enable(SecondFactorEnrolment offered, String code) {
        var account = mine();
        if (account.hasSecondFactor()) {
            throw new BusinessRuleException("staff.second-factor.already-enabled");
        }
        checkCode(account, offered.secret(), code, false);
        account.enableSecondFactor(secrets.seal(account.getId(), offered.secret()));
        audit.record(AuditKind.SECOND_FACTOR_ENABLED, account.getId(), account.getStructureId(),
                AuditChanges.value("by", "owner"));
    }

    /** Removes the second factor after the current password and a current code. */
    @Transactional
    public void disable(String currentPassword, String code) {
        var account = mine();
        if (!account.hasSecondFactor()) {
            return;
        }
        if (account.requiresSecondFactor()) {
            throw new BusinessRuleException("staff.second-factor.required-for-admins");
        }
        // Guessing here is slowed like guessing at the sign-in page, with the same failures of the account.
        var wait = attempts.waitFor(account.getEmail());
        if (!wait.isZero()) {
            throw new BusinessRuleException("login.second-factor.wait", Math.max(1, wait.toSeconds() + 1));
        }
        if (currentPassword == null || !passwords.matches(currentPassword, account.getPasswordHash())) {
            attempts.failed(account.getEmail(), "wrong-current-password");
            throw InvalidValueException.forField(PASSWORD, "staff.password.wrong-current");
        }
        checkCode(account, secrets.open(account.getId(), account.getTotpSecret()), code, true);
        account.disableSecondFactor();
        audit.record(AuditKind.SECOND_FACTOR_DISABLED, account.getId(), account.getStructureId(),
                AuditChanges.value("by", "owner"));
    }

    private void checkCode(StaffAccount account, String secret, String code, boolean counted) {
        switch (factors.spend(account.getId(), secret, code)) {
            case ACCEPTED -> {
            }
            case WRONG -> {
                // While enrolling, a wrong code is a mistyped or misread QR code, not a guess at someone's account.
                if (counted) {
                    attempts.failed(account.getEmail(), "wrong-code");
                }
                throw InvalidValueException.forField(CODE, "staff.second-factor.wrong-code");
            }
            case REPLAYED -> {
                // Not counted here: the refused update keeps the row locked until this transaction ends, and the
                // failure's own transaction would wait for it. A replay needs the code, which only its owner saw.
                throw InvalidValueException.forField(CODE, "staff.second-factor.used-code");
            }
        }
    }

    private StaffAccount mine() {
        return accounts.findById(currentStaff.require().accountId())
                .orElseThrow(() -> new BusinessRuleException("error.not-found"));
    }
}
