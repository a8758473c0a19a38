package fr.rdvnumerique.base.security;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who the active staff accounts are, for modules that act without anyone signed in (event listeners, jobs,
 * calendar feeds). Reads only; deactivated accounts are never returned.
 */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

    private final StaffAccountRepository accounts;

    StaffDirectory(StaffAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The active accounts of the structure that stand for this advisor. */
    public List<StaffContact> accountsOfAdvisor(long structureId, long advisorId) {
        return accounts.findActiveContactsOfAdvisor(structureId, advisorId);
    }

    /** The structure's active coordinators. */
    public List<StaffContact> coordinators(long structureId) {
        return accounts.findActiveContactsWithRole(structureId, Role.COORDINATOR);
    }

    public Optional<StaffContact> account(long accountId) {
        return accounts.findActiveContact(accountId);
    }

    /** Whether someone can still sign in as this advisor (a deactivated account loses its private feed). */
    public boolean advisorHasActiveAccount(long advisorId) {
        return accounts.existsByAdvisorIdAndActiveTrue(advisorId);
    }
}
