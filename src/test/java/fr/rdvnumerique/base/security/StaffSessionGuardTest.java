package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The clock's side of staff sessions: idle without a user action, and a maximum duration whatever happens. */
class StaffSessionGuardTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-07T08:00:00Z");

    private final TestClock clock = new TestClock();
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final StaffSessionGuard guard = new StaffSessionGuard(jdbc,
            new StaffSessionProperties(Duration.ofMinutes(30), Duration.ofHours(12)), clock);
    private final MockHttpSession session = new MockHttpSession();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void signedIn() {
        clock.set(SIGNED_IN);
        // The account is unchanged in the database.
        when(jdbc.query(anyString(), any(RowMapper.class), any(Object.class))).thenReturn(List.of(true));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void thirty_minutes_of_heartbeats_alone_end_the_session() throws Exception {
        assertThat(request("/staff")).isNull();
        clock.advance(Duration.ofMinutes(20));
        assertThat(request("/?v-r=heartbeat&v-uiId=0")).as("the tab is open, nobody acts").isNull();
        clock.advance(Duration.ofMinutes(10));
        assertThat(request("/?v-r=heartbeat&v-uiId=0")).isEqualTo("idle");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void each_user_action_gives_thirty_minutes_more() throws Exception {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(request("/?v-r=uidl&v-uiId=0")).isNull();
        }
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void twelve_hours_after_signing_in_the_session_ends_however_busy() throws Exception {
        for (int i = 0; i < 47; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertThat(request("/?v-r=uidl&v-uiId=0")).isNull();
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(request("/?v-r=uidl&v-uiId=0")).isEqualTo("expired");
    }

    /** One request of the session; the reason the session ended, if it did. */
    private String request(String uri) throws Exception {
        var principal = new StaffPrincipal(7L, "camille@exemple.fr", "Camille", EnumSet.of(Role.ADVISOR), 1L, null,
                true, null, 3, SIGNED_IN);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        int query = uri.indexOf('?');
        var request = new MockHttpServletRequest("POST", query < 0 ? uri : uri.substring(0, query));
        request.setQueryString(query < 0 ? null : uri.substring(query + 1));
        request.setSession(session);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        guard.doFilter(request, response, chain);
        assertThat(chain.getRequest()).as("the request goes on").isNotNull();
        var cookie = response.getCookie(SessionEnd.COOKIE);
        if (cookie != null) {
            assertThat(SecurityContextHolder.getContext().getAuthentication()).as("anonymous from now on").isNull();
        }
        return cookie == null ? null : cookie.getValue();
    }
}
