package fr.rdvnumerique.base.security;

import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting, for the services: their structure scopes every read and write. Services call
 * {@link #structureId()} for lists and {@link #checkStructure(Long)} before touching a record by id, so a
 * Saint-Usage coordinator can neither read nor change Ludres data even with a forged id. A structure deactivated
 * while its staff are signed in stops them at their next action, not only at their next sign-in.
 */
@Component
public class CurrentStaff {

    private final ObjectProvider<StructureMembership> membership;

    CurrentStaff(ObjectProvider<StructureMembership> membership) {
        this.membership = membership;
    }

    public Optional<StaffPrincipal> principal() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    public StaffPrincipal require() {
        return principal().orElseThrow(() -> new AccessDeniedException("Not signed in as staff"));
    }

    /** The structure whose data the signed-in staff member works on. */
    public long structureId() {
        Long structureId = require().structureId();
        if (structureId == null) {
            throw new AccessDeniedException("This account belongs to no structure");
        }
        StructureMembership structures = membership.getIfAvailable();
        if (structures != null && !structures.isStructureActive(structureId)) {
            throw new AccessDeniedException("This account's structure is deactivated");
        }
        return structureId;
    }

    /** Refuses access to a record of another structure. */
    public void checkStructure(Long recordStructureId) {
        if (!Objects.equals(recordStructureId, structureId())) {
            throw new AccessDeniedException("Record of another structure");
        }
    }

    /**
     * The same person with a new principal (after their own password change), in the session's security context:
     * Vaadin's holder hands out the very context object the HTTP session keeps.
     */
    void replace(StaffPrincipal principal) {
        var current = SecurityContextHolder.getContext().getAuthentication();
        var replaced = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        replaced.setDetails(current == null ? null : current.getDetails());
        SecurityContextHolder.getContext().setAuthentication(replaced);
    }

    public boolean isAdmin() {
        return principal().map(p -> p.has(Role.ADMIN)).orElse(false);
    }
}
