package fr.rdvnumerique.base.security;

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
    private String passwordHash;

    StaffPrincipal(StaffAccount account, boolean enabled) {
        this(account.getId(), account.getEmail(), account.getDisplayName(), account.getRoles(),
                account.getStructureId(), account.getAdvisorId(), enabled, account.getPasswordHash());
    }

    StaffPrincipal(long accountId, String email, String displayName, Set<Role> roles, Long structureId,
                   Long advisorId, boolean active, String passwordHash) {
        this.accountId = accountId;
        this.email = email;
        this.displayName = displayName;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.structureId = structureId;
        this.advisorId = advisorId;
        this.active = active;
        this.passwordHash = passwordHash;
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
