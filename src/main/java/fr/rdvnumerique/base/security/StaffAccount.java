package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Texts;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person of the staff who signs in to the back office. Belongs to one structure and sees only its data;
 * an instance administrator may have none.
 */
@Entity
@Table(name = "staff_account")
public class StaffAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "structure_id")
    private Long structureId;

    @Column(name = "advisor_id")
    private Long advisorId;

    @Column(nullable = false)
    private boolean active = true;

    /**
     * Changes whenever the account's open sessions must end: deactivated, roles, structure or advisor changed,
     * password reset. Each request of a session compares it with the stamp the session signed in with
     * ({@code StaffSessionGuard}), in the database, so on every node.
     */
    @Column(name = "security_stamp", nullable = false)
    private long securityStamp;

    /**
     * The TOTP secret of the account's second factor (ADR 020), null while it has none; sealed by
     * {@code SecondFactorSecrets} when a key is configured. The last accepted time step lives beside it in the row,
     * written only by SQL ({@code SecondFactors}).
     */
    @Column(name = "totp_secret", length = 200)
    private String totpSecret;

    protected StaffAccount() {
    }

    public StaffAccount(EmailAddress email, String displayName, String passwordHash, Set<Role> roles,
                        Long structureId, Long advisorId) {
        this.email = email.canonical();
        this.displayName = Texts.required(displayName, 120);
        this.passwordHash = passwordHash;
        assign(roles, structureId, advisorId);
    }

    public void assign(Set<Role> newRoles, Long newStructureId, Long newAdvisorId) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new InvalidValueException("staff.account.roles.required");
        }
        boolean structureRole = newRoles.contains(Role.ADVISOR) || newRoles.contains(Role.COORDINATOR);
        if (structureRole && newStructureId == null) {
            throw new InvalidValueException("staff.account.structure.required");
        }
        // An advisor record belongs to a structure; the account that stands for it belongs to the same one
        // (StaffAccountService checks which one, the database's composite key too).
        if (newAdvisorId != null && newStructureId == null) {
            throw new InvalidValueException("staff.account.advisor.structure-required");
        }
        boolean changed = !newRoles.equals(roles) || !Objects.equals(newStructureId, structureId)
                || !Objects.equals(newAdvisorId, advisorId);
        this.roles = EnumSet.copyOf(newRoles);
        this.structureId = newStructureId;
        this.advisorId = newAdvisorId;
        if (changed && id != null) {
            endSessions();
        }
    }

    public void rename(String newDisplayName) {
        this.displayName = Texts.required(newDisplayName, 120);
    }

    /** A new password ends every open session of the account (the owner's own session is kept by the service). */
    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
        if (id != null) {
            endSessions();
        }
    }

    public void deactivate() {
        if (active) {
            endSessions();
        }
        this.active = false;
    }

    /** Every session signed in before now ends at its next request, on every node. */
    public void endSessions() {
        securityStamp++;
    }

    public long getSecurityStamp() {
        return securityStamp;
    }

    /** Administrators must have a second factor (issue 13); other staff choose. */
    public boolean requiresSecondFactor() {
        return roles.contains(Role.ADMIN);
    }

    public boolean hasSecondFactor() {
        return totpSecret != null;
    }

    String getTotpSecret() {
        return totpSecret;
    }

    /** A confirmed secret (the person typed a code it gives). Other sessions go on: they signed in before it. */
    void enableSecondFactor(String secret) {
        this.totpSecret = Objects.requireNonNull(secret);
    }

    /**
     * Someone else removes it (a lost phone): the person sets it up again, at the next sign-in for an administrator.
     * The account's open sessions end, since whoever holds them may be the one who took the phone.
     */
    void resetSecondFactor() {
        if (totpSecret != null) {
            this.totpSecret = null;
            endSessions();
        }
    }

    void disableSecondFactor() {
        if (requiresSecondFactor()) {
            throw new fr.rdvnumerique.base.domain.BusinessRuleException("staff.second-factor.required-for-admins");
        }
        this.totpSecret = null;
    }

    public void activate() {
        this.active = true;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public Long getStructureId() {
        return structureId;
    }

    public Long getAdvisorId() {
        return advisorId;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffAccount account && id != null && id.equals(account.id);
    }

    @Override
    public int hashCode() {
        return StaffAccount.class.hashCode();
    }
}
