package fr.rdvnumerique.base.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Signs a staff member in for a test (service tests and browserless view tests), without a password. */
public final class StaffLogin {

    private static final AtomicLong IDS = new AtomicLong(1_000_000);

    private StaffLogin() {
    }

    public static StaffPrincipal coordinator(long structureId) {
        return as(structureId, null, Role.COORDINATOR);
    }

    public static StaffPrincipal advisor(long structureId, long advisorId) {
        return as(structureId, advisorId, Role.ADVISOR);
    }

    public static StaffPrincipal admin() {
        return as(null, null, Role.ADMIN);
    }

    public static StaffPrincipal as(Long structureId, Long advisorId, Role... roles) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(java.util.List.of(roles));
        long id = IDS.incrementAndGet();
        var principal = new StaffPrincipal(id, "staff" + id + "@test.example.org", "Personne " + id, set, structureId,
                advisorId, true, "");
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        return principal;
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
