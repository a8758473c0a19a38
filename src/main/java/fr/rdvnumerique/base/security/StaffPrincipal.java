package fr.rdvnumerique.base.security;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in staff member, as the security context holds them. */
public final class StaffPrincipal implements UserDetails, CredentialsContainer {

    private final long accountId;
    private final String email;
    private final String displayName;
    private final Set<Role> roles;
    private final Long structureId;
    private final Long advisorId;
    private final boolean active;
    private final long securityStamp;
    private final Instant signedInAt;
    private String passwordHash;

    StaffPrincipal(StaffAccount account, boolean enabled, Instant signedInAt) {
        this(account.getId(), account.getEmail(), account.getDisplayName(), account.getRoles(),
                account.getStructureId(), account.getAdvisorId(), enabled, account.getPasswordHash(),
                account.getSecurityStamp(), signedInAt);
    }

    StaffPrincipal(long accountId, String email, String displayName, Set<Role> roles, Long structureId,
                   Long advisorId, boolean active, String passwordHash) {
        this(accountId, email, displayName, roles, structureId, advisorId, active, passwordHash, 0, Instant.now());
    }

    StaffPrincipal(long accountId, String email, String displayName, Set<Role> roles, Long structureId,
                   Long advisorId, boolean active, String passwordHash, long securityStamp, Instant signedInAt) {
        this.securityStamp = securityStamp;
        this.signedInAt = signedInAt;
        this.accountId = accountId;
        this.email = email;
        this.displayName = displayName;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.structureId = structureId;
        this.advisorId = advisorId;
        this.active = active;
        this.passwordHash = passwordHash;
    }

    /** The same person after their own password change: the new stamp keeps this session open. */
    StaffPrincipal withSecurityStamp(long stamp) {
        return new StaffPrincipal(accountId, email, displayName, roles, structureId, advisorId, active, null, stamp,
                signedInAt);
    }

    /** The account's security stamp when this session signed in ({@link StaffSessionGuard}). */
    public long securityStamp() {
        return securityStamp;
    }

    public Instant signedInAt() {
        return signedInAt;
    }

    public long accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    public Long structureId() {
        return structureId;
    }

    /** The advisor record this account stands for, if the person is an advisor. */
    public Long advisorId() {
        return advisorId;
    }

    public boolean has(Role role) {
        return roles.stream().anyMatch(r -> r.withImplied().contains(role));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        // Implied roles are granted explicitly so that view checks (@RolesAllowed) and method checks agree.
        var granted = EnumSet.noneOf(Role.class);
        roles.forEach(role -> granted.addAll(role.withImplied()));
        List<GrantedAuthority> authorities = granted.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
