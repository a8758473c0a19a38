package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.domain.EmailAddress;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Makes sure somebody can administer the instance: when no active administrator exists, the one given by
 * the environment is created; without it the application refuses to start rather than run unmanageable or
 * with a default password. Runs after the demo data, which brings its own accounts.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class InitialAdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdminBootstrap.class);

    private final StaffAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AdminProperties admin;

    InitialAdminBootstrap(StaffAccountRepository accounts, PasswordEncoder encoder, AdminProperties admin) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.admin = admin;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        ensureAdministrator();
    }

    void ensureAdministrator() {
        // Checked even when an administrator exists: a password set there that could never work is a mistake to
        // say at once, in plain words (the operator reads the start-up log, not a message key).
        if (PasswordPolicy.tooLong(admin.password())) {
            throw new IllegalStateException("RDV_ADMIN_PASSWORD is longer than " + PasswordPolicy.MAX_BYTES
                    + " bytes in UTF-8 (an accented letter takes two): BCrypt would not read the rest."
                    + " Choose a shorter passphrase.");
        }
        if (accounts.existsActiveAdmin()) {
            return;
        }
        if (!StringUtils.hasText(admin.email()) || !StringUtils.hasText(admin.password())) {
            throw new IllegalStateException("No administrator account exists. Set RDV_ADMIN_EMAIL and "
                    + "RDV_ADMIN_PASSWORD (at least " + PasswordPolicy.MIN_LENGTH + " characters) to create the first one.");
        }
        var email = EmailAddress.of(admin.email());
        if (admin.password().length() < PasswordPolicy.MIN_LENGTH) {
            throw new IllegalStateException("RDV_ADMIN_PASSWORD must be at least " + PasswordPolicy.MIN_LENGTH
                    + " characters long.");
        }
        PasswordPolicy.check(admin.password(), email.canonical());
        var existing = accounts.findByEmail(email.canonical());
        if (existing.isPresent()) {
            var account = existing.get();
            var roles = account.getRoles();
            roles.add(Role.ADMIN);
            account.assign(roles, account.getStructureId(), account.getAdvisorId());
            account.activate();
            account.changePasswordHash(encoder.encode(admin.password()));
        } else {
            String name = StringUtils.hasText(admin.name()) ? admin.name() : "Administration";
            accounts.save(new StaffAccount(email, name, encoder.encode(admin.password()), EnumSet.of(Role.ADMIN),
                    null, null));
        }
        // Not the address itself: no personal data in the logs.
        log.info("Administrator account created from RDV_ADMIN_EMAIL");
    }
}
