package fr.rdvnumerique.base.security;

import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts for sign-in. An account of a deactivated structure is disabled, as a deactivated account is. */
@Service
class StaffUserDetailsService implements UserDetailsService {

    private final StaffAccountRepository accounts;
    private final ObjectProvider<StructureMembership> membership;
    private final StaffSessions sessions;

    StaffUserDetailsService(StaffAccountRepository accounts, ObjectProvider<StructureMembership> membership,
                            StaffSessions sessions) {
        this.accounts = accounts;
        this.membership = membership;
        this.sessions = sessions;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String email = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return accounts.findByEmail(email)
                .map(account -> new StaffPrincipal(account, account.isActive() && structureActive(account),
                        sessions.now()))
                .orElseThrow(() -> new UsernameNotFoundException("Unknown staff account"));
    }

    private boolean structureActive(StaffAccount account) {
        StructureMembership structures = membership.getIfAvailable();
        return account.getStructureId() == null || structures == null
                || structures.isStructureActive(account.getStructureId());
    }
}
