package fr.rdvnumerique.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff session at its next request when it has had no user action for the idle timeout (Vaadin's
 * heartbeat keeps the HTTP session alive but is not an action), when it signed in longer ago than the maximum
 * duration, or when its account's security stamp in the database differs from the one it signed in with
 * (deactivated, roles changed, password reset). The database says it, so every node agrees.
 * <p>
 * The signed-in person is read from the HTTP session itself, where the session's security context is kept, not
 * from the holder: the holder's context is loaded lazily, and Vaadin's holder strategy answers from the Vaadin
 * session, which a filter does not see. An ended session is invalidated and the holder cleared before anything
 * reads it: the request goes on anonymous (a staff page redirects to the sign-in page; Vaadin answers its own
 * requests « session expired » and the browser reloads, which leads there too), and a short-lived cookie tells
 * the sign-in page why.
 */
class StaffSessionGuard extends OncePerRequestFilter {

    static final String LAST_ACTION = StaffSessionGuard.class.getName() + ".lastAction";

    private final JdbcTemplate jdbc;
    private final StaffSessions sessions;
    private final SecurityContextHolderStrategy holder;

    StaffSessionGuard(JdbcTemplate jdbc, StaffSessions sessions, SecurityContextHolderStrategy holder) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.holder = holder;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        StaffPrincipal staff = session == null ? null : signedIn(session);
        if (staff != null) {
            Instant now = sessions.now();
            Optional<SessionEnd> end = check(staff, session, now);
            if (end.isPresent()) {
                end(request, response, session, end.get());
            } else if (isUserAction(request)) {
                session.setAttribute(LAST_ACTION, now);
            }
        } else if (session == null && endedUnseen(request)) {
            tell(request, response, SessionEnd.GONE);
        }
        chain.doFilter(request, response);
    }

    /**
     * A request of the staff space (a page, or a Vaadin request from one) naming a session the server no longer has:
     * the sign-in page it is about to be sent to should say that the session ended. Public pages' sessions end
     * silently (a resident has nothing to sign in again to).
     */
    static boolean endedUnseen(HttpServletRequest request) {
        if (request.getRequestedSessionId() == null || request.isRequestedSessionIdValid()) {
            return false;
        }
        // The guard itself ended it a moment ago and said why (the tab reloads with the old session's id).
        if (request.getCookies() != null
                && java.util.Arrays.stream(request.getCookies()).anyMatch(c -> SessionEnd.COOKIE.equals(c.getName()))) {
            return false;
        }
        String staffSpace = request.getContextPath() + "/staff";
        if (request.getRequestURI().startsWith(staffSpace)) {
            return true;
        }
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return false;
        }
        try {
            String path = java.net.URI.create(referer).getPath();
            return path != null && path.startsWith(staffSpace);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private void end(HttpServletRequest request, HttpServletResponse response, HttpSession session, SessionEnd why) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyGone) {
            // Another request of the same session ended it a moment ago.
        }
        holder.clearContext();
        SecurityContextHolder.clearContext();
        tell(request, response, why);
    }

    /** The reason, for the sign-in page (no personal data; ten minutes). */
    private static void tell(HttpServletRequest request, HttpServletResponse response, SessionEnd why) {
        var cookie = new Cookie(SessionEnd.COOKIE, why.cookieValue());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(600);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** The staff member of the session's security context, as stored in the HTTP session. */
    static StaffPrincipal signedIn(HttpSession session) {
        try {
            if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                    instanceof SecurityContext context && context.getAuthentication() != null
                    && context.getAuthentication().getPrincipal() instanceof StaffPrincipal staff) {
                return staff;
            }
        } catch (IllegalStateException invalidated) {
            // Invalidated by a concurrent request.
        }
        return null;
    }

    Optional<SessionEnd> check(StaffPrincipal staff, HttpSession session, Instant now) {
        var limits = sessions.properties();
        if (!now.isBefore(staff.signedInAt().plus(limits.maxDuration()))) {
            return Optional.of(SessionEnd.EXPIRED);
        }
        Instant last = session.getAttribute(LAST_ACTION) instanceof Instant i ? i : staff.signedInAt();
        if (!now.isBefore(last.plus(limits.idleTimeout()))) {
            return Optional.of(SessionEnd.IDLE);
        }
        var current = jdbc.query("select security_stamp, active from staff_account where id = ?",
                (rs, n) -> rs.getBoolean(2) && rs.getLong(1) == staff.securityStamp(), staff.accountId());
        if (current.isEmpty() || !current.getFirst()) {
            return Optional.of(SessionEnd.REVOKED);
        }
        return Optional.empty();
    }

    /** Vaadin's heartbeat only says that a tab is open; anything else (a click, a navigation, a page) is the person. */
    static boolean isUserAction(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null || !query.contains("v-r=heartbeat");
    }
}
