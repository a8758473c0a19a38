package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.audit.AuditActor;
import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.db.UtcColumns;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.base.web.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links by which a person chooses their own password, so that nobody types another person's password:
 * invitations to a new account, « Mot de passe oublié », and the link an administrator or a coordinator sends
 * instead of resetting a password. A link is asked for here; {@link AccountLinkMailer} mints its token when the mail
 * leaves.
 */
@Service
public class StaffPasswordLinks {

    /** « Mot de passe oublié » asked from one address: enough for a typo or two, not for flooding mailboxes. */
    static final int RESET_REQUESTS_PER_HOUR = 5;
    /** A second « Mot de passe oublié » for the same account within this delay sends nothing more. */
    static final Duration RESET_REPEAT = Duration.ofMinutes(2);

    public enum ResetAnswer {
        /** Sent if the address has an active account: the screen never says which, so addresses cannot be probed. */
        SENT_IF_KNOWN,
        TOO_MANY_REQUESTS
    }

    private final JdbcClient jdbc;
    private final StaffAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final RateLimiter limiter;
    private final Clock clock;

    StaffPasswordLinks(JdbcClient jdbc, StaffAccountRepository accounts, PasswordEncoder encoder, AuditTrail audit,
                       RateLimiter limiter, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * Asks for a link to the account, in the caller's transaction: the mail exists if and only if the account (or
     * the request) does. Earlier links of the account stop working: only the newest mail counts.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void request(long accountId, AccountLinkPurpose purpose) {
        Instant now = clock.instant();
        closeOpenLinks(accountId, "REPLACED", now);
        jdbc.sql("""
                        insert into staff_account_link (account_id, purpose, requested_at, next_attempt_at)
                        values (:account, :purpose, :now, :now)""")
                .param("account", accountId).param("purpose", purpose.name()).param("now", UtcColumns.toDb(now))
                .update();
    }

    /** « Mot de passe oublié »: a link to the account of this address, if there is an active one. */
    @Transactional
    public ResetAnswer requestReset(String email, String clientAddress) {
        var address = EmailAddress.of(email);
        if (!limiter.tryAcquire("password-reset", clientAddress, RESET_REQUESTS_PER_HOUR)) {
            return ResetAnswer.TOO_MANY_REQUESTS;
        }
        accounts.findByEmail(address.canonical()).filter(StaffAccount::isActive).ifPresent(account -> {
            if (!askedJustNow(account.getId())) {
                request(account.getId(), AccountLinkPurpose.PASSWORD_RESET);
                audit.recordAs(AuditActor.system(), AuditKind.PASSWORD_LINK_SENT, account.getId(),
                        account.getStructureId(), AuditChanges.value("by", "forgotten-password"));
            }
        });
        return ResetAnswer.SENT_IF_KNOWN;
    }

    private boolean askedJustNow(long accountId) {
        return jdbc.sql("""
                        select count(*) from staff_account_link where account_id = :account and purpose = 'PASSWORD_RESET'
                        and closed_at is null and requested_at > :since""")
                .param("account", accountId).param("since", UtcColumns.toDb(clock.instant().minus(RESET_REPEAT)))
                .query(Long.class).single() > 0;
    }

    /** The link's account, if the link works: sent, not used nor replaced, not expired, the account active. */
    @Transactional(readOnly = true)
    public Optional<PasswordLink> open(String token) {
        return find(token, false).map(Found::link);
    }

    /**
     * The person chooses their password through the link, which then stops working, as every other link of the
     * account does. Their open sessions end (a new password), and failed sign-ins are forgotten.
     */
    @Transactional
    public void choosePassword(String token, String password) {
        var found = find(token, true).orElseThrow(() -> new BusinessRuleException("staff.link.dead"));
        var account = accounts.findById(found.accountId()).orElseThrow(() -> new BusinessRuleException("staff.link.dead"));
        PasswordPolicy.check(password, account.getEmail());
        account.changePasswordHash(encoder.encode(password));
        Instant now = clock.instant();
        jdbc.sql("update staff_account set failed_sign_ins = 0, next_sign_in_at = null where id = :id")
                .param("id", account.getId()).update();
        jdbc.sql("update staff_account_link set closed_at = :now, closed_reason = 'USED' where id = :id")
                .param("now", UtcColumns.toDb(now)).param("id", found.id()).update();
        closeOpenLinks(account.getId(), "REPLACED", now);
        audit.recordAs(AuditActor.staff(account.getId(), account.getDisplayName()), AuditKind.PASSWORD_CHANGED,
                account.getId(), account.getStructureId(), AuditChanges.value("by",
                        found.link().purpose() == AccountLinkPurpose.INVITATION ? "invitation" : "password-link"));
    }

    /** Whether the account still waits for its first password (an invitation not yet used). */
    @Transactional(readOnly = true)
    public boolean awaitsFirstPassword(long accountId) {
        // Invited, and no link of the account ever used: the password is still the unknowable one of its creation.
        return jdbc.sql("""
                        select exists (select 1 from staff_account_link where account_id = :account and purpose = 'INVITATION')
                        and not exists (select 1 from staff_account_link where account_id = :account and closed_reason = 'USED')""")
                .param("account", accountId).query(Boolean.class).single();
    }

    private void closeOpenLinks(long accountId, String reason, Instant now) {
        jdbc.sql("""
                        update staff_account_link set closed_at = :now, closed_reason = :reason
                        where account_id = :account and closed_at is null""")
                .param("now", UtcColumns.toDb(now)).param("reason", reason).param("account", accountId).update();
    }

    private Optional<Found> find(String token, boolean lock) {
        if (!SecretTokens.looksValid(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select l.id, l.account_id, l.purpose, l.expires_at, a.email, a.display_name
                        from staff_account_link l join staff_account a on a.id = l.account_id
                        where l.token_hash = :hash and l.sent_at is not null and l.closed_at is null
                        and l.expires_at > :now and a.active = true""" + (lock ? " for update" : ""))
                .param("hash", SecretTokens.hash(token)).param("now", UtcColumns.toDb(clock.instant()))
                .query((rs, n) -> new Found(rs.getLong(1), rs.getLong(2), new PasswordLink(rs.getString(5),
                        rs.getString(6), AccountLinkPurpose.valueOf(rs.getString(3)),
                        UtcColumns.fromDb(rs.getObject(4, java.time.LocalDateTime.class)))))
                .optional();
    }

    private record Found(long id, long accountId, PasswordLink link) {
    }
}
