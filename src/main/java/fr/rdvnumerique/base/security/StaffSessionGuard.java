package fr.rdvnumerique.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff session at its next request when it has had no user action for the idle timeout (Vaadin's heartbeat,
 * which keeps the HTTP session alive, is not an action), when it signed in longer ago than the maximum duration, or
 * when its account's security stamp in the database differs from the one it signed in with (deactivated, roles
 * changed, password reset: on every node, since the database says it). The session is invalidated, the request goes
 * on anonymous (a Vaadin request then reloads the page, which leads to the sign-in page) and a short-lived cookie
 * tells the sign-in page why.
 */
class StaffSessionGuard extends OncePerRequestFilter {

    static final String LAST_ACTION = StaffSessionGuard.class.getName() + ".lastAction";

    private final JdbcTemplate jdbc;
    private final StaffSessionProperties properties;
    private final Clock clock;

    StaffSessionGuard(JdbcTemplate jdbc, StaffSessionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff) {
            Instant now = clock.instant();
            Optional<SessionEnd> end = check(staff, session, now);
            if (end.isPresent()) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                var cookie = new Cookie(SessionEnd.COOKIE, end.get().cookieValue());
                cookie.setPath("/");
                cookie.setHttpOnly(true);
                cookie.setMaxAge(600);
                response.addCookie(cookie);
            } else if (isUserAction(request)) {
                session.setAttribute(LAST_ACTION, now);
            }
        }
        chain.doFilter(request, response);
    }

    Optional<SessionEnd> check(StaffPrincipal staff, HttpSession session, Instant now) {
        if (!now.isBefore(staff.signedInAt().plus(properties.maxDuration()))) {
            return Optional.of(SessionEnd.EXPIRED);
        }
        Instant last = session.getAttribute(LAST_ACTION) instanceof Instant i ? i : staff.signedInAt();
        if (!now.isBefore(last.plus(properties.idleTimeout()))) {
            return Optional.of(SessionEnd.IDLE);
        }
        var current = jdbc.query("select security_stamp, active from staff_account where id = ?",
                (rs, n) -> rs.getBoolean(2) && rs.getLong(1) == staff.securityStamp(), staff.accountId());
        if (current.isEmpty() || !current.getFirst()) {
            return Optional.of(SessionEnd.REVOKED);
        }
        return Optional.empty();
    }

    /** Vaadin's heartbeat only says a tab is open; anything else (a click, a navigation, a page) is the person. */
    static boolean isUserAction(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null || !query.contains("v-r=heartbeat");
    }
}
