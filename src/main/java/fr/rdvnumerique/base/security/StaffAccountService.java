package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.EmailAddress;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: created and managed by administrators; everyone changes their own password. */
@Service
public class StaffAccountService {

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final CurrentStaff currentStaff;

    StaffAccountService(StaffAccountRepository accounts, PasswordEncoder passwordEncoder, CurrentStaff currentStaff) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.currentStaff = currentStaff;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Slice<StaffAccountView> list(Pageable pageable) {
        return accounts.findAllOrdered(pageable).map(StaffAccountView::of);
    }

    /** Accounts of the signed-in coordinator's structure (to link advisors to their account). */
    @PreAuthorize("hasRole('COORDINATOR')")
    @Transactional(readOnly = true)
    public List<StaffAccountView> ofMyStructure() {
        return accounts.findByStructure(currentStaff.structureId()).stream().map(StaffAccountView::of).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long create(StaffAccountForm form) {
        var email = EmailAddress.of(form.email());
        if (accounts.existsByEmail(email.canonical())) {
            throw new BusinessRuleException("staff.account.email.taken");
        }
        PasswordPolicy.check(form.password(), email.canonical());
        var account = new StaffAccount(email, form.displayName(), passwordEncoder.encode(form.password()),
                form.roles(), form.structureId(), form.advisorId());
        return accounts.save(account).getId();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void update(long id, StaffAccountForm form) {
        var account = accounts.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        account.rename(form.displayName());
        account.assign(form.roles(), form.structureId(), form.advisorId());
        if (form.password() != null && !form.password().isBlank()) {
            PasswordPolicy.check(form.password(), account.getEmail());
            account.changePasswordHash(passwordEncoder.encode(form.password()));
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setActive(long id, boolean active) {
        var account = accounts.findById(id).orElseThrow(() -> new BusinessRuleException("error.not-found"));
        if (!active && account.getId() == currentStaff.require().accountId()) {
            throw new BusinessRuleException("staff.account.cannot-deactivate-self");
        }
        if (active) {
            account.activate();
        } else {
            account.deactivate();
        }
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        var account = accounts.findById(currentStaff.require().accountId()).orElseThrow();
        if (!passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new BusinessRuleException("staff.password.wrong-current");
        }
        PasswordPolicy.check(newPassword, account.getEmail());
        account.changePasswordHash(passwordEncoder.encode(newPassword));
    }
}
