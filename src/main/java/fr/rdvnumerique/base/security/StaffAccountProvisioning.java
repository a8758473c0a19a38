package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.domain.EmailAddress;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts outside any sign-in: for the demo data only. No screen reaches it; staff screens go
 * through {@link StaffAccountService}, which checks the administrator role.
 */
@Component
public class StaffAccountProvisioning {

    private final StaffAccountRepository accounts;
    private final PasswordEncoder encoder;

    StaffAccountProvisioning(StaffAccountRepository accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long provision(String email, String displayName, String password, Set<Role> roles, Long structureId,
                          Long advisorId) {
        var address = EmailAddress.of(email);
        PasswordPolicy.check(password, address.canonical());
        return accounts.save(new StaffAccount(address, displayName, encoder.encode(password), roles, structureId, advisorId))
                .getId();
    }
}
