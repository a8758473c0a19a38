package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Versioned;
import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.web.SecretTokens;
import org.springframework.security.access.AccessDeniedException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts. Administrators manage every account; a coordinator manages the accounts of their own structure
 * (advisors and coordinators, never administrators). Nobody types another person's password: a new account gets an
 * invitation, a forgotten password a one-time link ({@link StaffPasswordLinks}); everyone changes their own.
 */
@Service
public class StaffAccountService {

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final CurrentStaff currentStaff;
    private final ObjectProvider<StructureMembership> membership;
    private final SignInAttempts attempts;
    private final AuditTrail audit;
    private final StaffPasswordLinks links;

    StaffAccountService(StaffAccountRepository accounts, PasswordEncoder passwordEncoder, CurrentStaff currentStaff,
                        ObjectProvider<StructureMembership> membership, SignInAttempts attempts, AuditTrail audit,
                        StaffPasswordLinks links) {
        this.audit = audit;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.currentStaff = currentStaff;
        this.membership = membership;
        this.attempts = attempts;
        this.links = links;
    }

    /** Every account for an administrator; a coordinator's structure's accounts for a coordinator. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public Slice<StaffAccountView> list(Pageable pageable) {
        var page = currentStaff.isAdmin() ? accounts.findAllOrdered(pageable)
                : accounts.findByStructure(currentStaff.structureId(), pageable);
        return page.map(account -> StaffAccountView.of(account, links.awaitsFirstPassword(account.getId())));
    }

    /** Accounts of the signed-in coordinator's structure (to link advisors to their account). */
    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional(readOnly = true)
    public List<StaffAccountView> ofMyStructure() {
        return accounts.findByStructure(currentStaff.structureId()).stream()
                .map(account -> StaffAccountView.of(account, false)).toList();
    }

    /**
     * Creates the account and sends its invitation: a one-time link, valid 72 hours once sent, where the person
     * chooses their password. Until then the account has a password nobody knows.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public long invite(StaffAccountForm form) {
        var email = EmailAddress.of(form.email());
        form = withinMyScope(form);
        if (accounts.existsByEmail(email.canonical())) {
            throw new BusinessRuleException("staff.account.email.taken");
        }
        checkAdvisor(form);
        var account = new StaffAccount(email, form.displayName(), passwordEncoder.encode(SecretTokens.generate()),
                form.roles(), form.structureId(), form.advisorId());
        long id = accounts.save(account).getId();
        links.request(id, AccountLinkPurpose.INVITATION);
        audit.record(AuditKind.ACCOUNT_CREATED, id, account.getStructureId(),
                AuditChanges.between(Map.of(), keyFields(account)));
        return id;
    }

    /**
     * Sends the account a one-time link to choose a password (a forgotten password, an invitation that expired):
     * an invitation again while the first password was never chosen, otherwise a 30-minute link. The current
     * password keeps working until the new one is chosen.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public void sendPasswordLink(long id) {
        var account = manageable(id);
        if (!account.isActive()) {
            throw new BusinessRuleException("staff.account.inactive");
        }
        var purpose = links.awaitsFirstPassword(id) ? AccountLinkPurpose.INVITATION : AccountLinkPurpose.PASSWORD_RESET;
        links.request(id, purpose);
        audit.record(AuditKind.PASSWORD_LINK_SENT, id, account.getStructureId(),
                AuditChanges.value("by", purpose == AccountLinkPurpose.INVITATION ? "invitation" : "staff"));
    }

    /**
     * Removes someone's second factor when they lost the phone that holds it: they set it up again (an
     * administrator at the next sign-in, since it is required for them). Never one's own: « Mon compte » asks for the
     * password and a code for that. The account's open sessions end.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public void resetSecondFactor(long id) {
        var account = manageable(id);
        if (account.getId() == currentStaff.require().accountId()) {
            throw new BusinessRuleException("staff.second-factor.reset-own");
        }
        if (account.hasSecondFactor()) {
            account.resetSecondFactor();
            audit.record(AuditKind.SECOND_FACTOR_DISABLED, id, account.getStructureId(), AuditChanges.value("by", "staff"));
        }
    }

    /**
     * A coordinator works within their structure: the account is theirs, never an administrator. An
     * administrator's form goes through as typed.
     */
    private StaffAccountForm withinMyScope(StaffAccountForm form) {
        if (currentStaff.isAdmin()) {
            return form;
        }
        if (form.roles() != null && form.roles().contains(Role.ADMIN)) {
            throw new InvalidValueException("staff.account.admin-by-admins");
        }
        return new StaffAccountForm(form.email(), form.displayName(), form.roles(), currentStaff.structureId(),
                form.advisorId());
    }

    /** The account, if the signed-in person may manage it: any for an administrator, their structure's otherwise. */
    private StaffAccount manageable(long id) {
        var account = accounts.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        if (!currentStaff.isAdmin()) {
            currentStaff.checkStructure(account.getStructureId());
            if (account.getRoles().contains(Role.ADMIN)) {
                throw new AccessDeniedException("An administrator's account is managed by administrators");
            }
        }
        return account;
    }

    /** What the journal says of an account: roles and links, never its address or password. */
    private static Map<String, Object> keyFields(StaffAccount account) {
        var fields = new HashMap<String, Object>();
        fields.put("roles", account.getRoles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        fields.put("structure", account.getStructureId());
        fields.put("advisor", account.getAdvisorId());
        fields.put("name", account.getDisplayName());
        return fields;
    }

    /** The account as its form shows it (never the password), with the version the save will check. */
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional(readOnly = true)
    public Versioned<StaffAccountForm> load(long id) {
        var account = manageable(id);
        return new Versioned<>(id, account.getVersion(), new StaffAccountForm(account.getEmail(),
                account.getDisplayName(), account.getRoles(), account.getStructureId(), account.getAdvisorId()));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public void update(long id, long version, StaffAccountForm form) {
        var account = manageable(id);
        Versioned.check(version, account.getVersion());
        form = withinMyScope(form);
        checkAdvisor(form);
        var before = keyFields(account);
        long stamp = account.getSecurityStamp();
        account.rename(form.displayName());
        account.assign(form.roles(), form.structureId(), form.advisorId());
        var changes = AuditChanges.between(before, keyFields(account));
        if (!changes.isEmpty()) {
            // A change that ends the account's sessions (roles, structure, advisor) is a change of rights.
            audit.record(account.getSecurityStamp() != stamp ? AuditKind.ROLES_CHANGED : AuditKind.ACCOUNT_CHANGED,
                    id, account.getStructureId(), changes);
        }
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    @Transactional
    public void setActive(long id, boolean active) {
        var account = manageable(id);
        if (!active && account.getId() == currentStaff.require().accountId()) {
            throw new BusinessRuleException("staff.account.cannot-deactivate-self");
        }
        boolean was = account.isActive();
        if (active) {
            account.activate();
        } else {
            account.deactivate();
        }
        if (was != active) {
            audit.record(AuditKind.ACCOUNT_CHANGED, id, account.getStructureId(), AuditChanges.of("active", was, active));
        }
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        var account = accounts.findById(currentStaff.require().accountId())
                .orElseThrow(() -> new BusinessRuleException("error.not-found"));
        // The current password is asked so that an open session left unattended cannot take the account over;
        // guessing it is slowed like guessing at the sign-in page, with the same failures of the account.
        var wait = attempts.waitFor(account.getEmail());
        if (!wait.isZero()) {
            throw new BusinessRuleException("login.wait", Math.max(1, wait.toSeconds() + 1));
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw wrongCurrentPassword(account.getEmail());
        }
        PasswordPolicy.check(newPassword, account.getEmail());
        if (newPassword.equals(currentPassword)) {
            throw new InvalidValueException("staff.password.same-as-current");
        }
        account.changePasswordHash(passwordEncoder.encode(newPassword));
        audit.record(AuditKind.PASSWORD_CHANGED, account.getId(), account.getStructureId(),
                AuditChanges.value("by", "owner"));
        // The account's other sessions end (the new stamp); this one goes on with it.
        currentStaff.replace(currentStaff.require().withSecurityStamp(account.getSecurityStamp()));
    }

    private BusinessRuleException wrongCurrentPassword(String email) {
        attempts.failed(email, "wrong-current-password");
        return new BusinessRuleException("staff.password.wrong-current");
    }

    /** An account stands only for an advisor of its own structure. */
    private void checkAdvisor(StaffAccountForm form) {
        if (form.advisorId() == null || form.structureId() == null) {
            return; // the account itself refuses an advisor without a structure
        }
        StructureMembership structures = membership.getIfAvailable();
        if (structures == null) {
            return;
        }
        Long advisorStructure = structures.structureOfAdvisor(form.advisorId())
                .orElseThrow(() -> new InvalidValueException("staff.account.advisor.other-structure"));
        if (!Objects.equals(advisorStructure, form.structureId())) {
            throw new InvalidValueException("staff.account.advisor.other-structure");
        }
    }
}
