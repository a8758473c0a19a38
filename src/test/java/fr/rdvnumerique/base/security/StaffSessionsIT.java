package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.notification.MailServer;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.TestConfig;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff sessions end, through the real HTTP stack (sign-in form, security filters, session cookie): after the idle
 * timeout despite Vaadin's heartbeat, after the maximum duration whatever the activity, and at the next request of
 * every open session once the account is deactivated, its roles changed or its password reset.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestConfig.class)
class StaffSessionsIT {

    private static final String PASSWORD = "phrase de passe des sessions";

    @LocalServerPort int port;
    @Autowired StaffAccountProvisioning provisioning;
    @Autowired StaffAccountService accounts;
    @Autowired StaffPasswordLinks passwordLinks;
    @Autowired PasswordLinkMails mails;
    @Autowired StaffSessions sessions;
    @Autowired LoginThrottle throttle;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired TerritoryFixtures fixtures;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.core.context.SecurityContextHolderStrategy applicationSecurityContexts;

    /**
     * Several application contexts live in one test JVM (some tests change properties), and each sets the static
     * security holder to its own strategy as it starts: {@code StaffLogin} must write to this test's application.
     */
    @org.junit.jupiter.api.BeforeEach
    void signInsGoToThisApplication() {
        org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(applicationSecurityContexts);
    }

    private final MovableClock clock = new MovableClock();

    @AfterEach
    void realTimeAgain() {
        sessions.useClock(null);
        StaffLogin.signOut();
        throttle.reset();
    }

    /**
     * A coordinator: signs in with the password alone over plain HTTP (an administrator would need the code page,
     * ADR 020); the sessions end the same way for every role.
     */
    private String newStaff() {
        String email = "session" + System.nanoTime() + "@exemple.fr";
        long structureId = fixtures.create("Sessions").structureId();
        transactions.executeWithoutResult(s -> provisioning.provision(email, "Dominique Session", PASSWORD,
                EnumSet.of(Role.COORDINATOR), structureId, null));
        return email;
    }

    private long idOf(String email) {
        return jdbc.queryForObject("select id from staff_account where email = ?", Long.class, email);
    }

    @Test
    void deactivating_an_account_ends_both_of_its_open_sessions_at_their_next_request() throws Exception {
        String email = newStaff();
        var first = new Browser();
        var second = new Browser();
        first.signIn(email, PASSWORD);
        second.signIn(email, PASSWORD);
        assertThat(first.get("/staff").statusCode()).as("first session open").isEqualTo(200);
        assertThat(second.get("/staff").statusCode()).as("second session open").isEqualTo(200);

        StaffLogin.admin();
        accounts.setActive(idOf(email), false);

        for (var browser : new Browser[] {first, second}) {
            var response = browser.get("/staff");
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
            assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                    .startsWith(SessionEnd.COOKIE + "=revoked").contains("HttpOnly"));
            assertThat(browser.get("/staff").statusCode()).as("still signed out").isEqualTo(302);
        }
    }

    @Test
    void changing_the_roles_or_resetting_the_password_ends_the_open_sessions() throws Exception {
        String email = newStaff();
        long id = idOf(email);
        var browser = new Browser();
        browser.signIn(email, PASSWORD);
        assertThat(browser.get("/staff").statusCode()).isEqualTo(200);

        StaffLogin.admin();
        var loaded = accounts.load(id);
        var form = loaded.value();
        accounts.update(id, loaded.version(), new StaffAccountForm(form.email(), "Nouveau nom", form.roles(),
                form.structureId(), form.advisorId()));
        assertThat(browser.get("/staff").statusCode()).as("a new name ends nothing").isEqualTo(200);

        loaded = accounts.load(id);
        accounts.update(id, loaded.version(), new StaffAccountForm(form.email(), "Nouveau nom",
                EnumSet.of(Role.ADVISOR), fixtures.create("Sessions").structureId(), null));
        assertThat(browser.get("/staff").statusCode()).as("new roles").isEqualTo(302);

        browser = new Browser();
        browser.signIn(email, PASSWORD);
        assertThat(browser.get("/staff").statusCode()).isEqualTo(200);
        StaffLogin.admin();
        accounts.sendPasswordLink(id);
        try (var server = new MailServer().start()) {
            mails.sendDue(server);
            assertThat(browser.get("/staff").statusCode()).as("a link sent ends nothing yet").isEqualTo(200);
            passwordLinks.choosePassword(PasswordLinkMails.tokenFor(server, email), "un tout nouveau mot de passe");
        }
        assertThat(browser.get("/staff").statusCode()).as("password chosen through the link").isEqualTo(302);
    }

    @Test
    void a_session_ends_after_the_idle_timeout_even_while_vaadin_sends_heartbeats() throws Exception {
        sessions.useClock(clock);
        String email = newStaff();
        var browser = new Browser();
        browser.signIn(email, PASSWORD);
        assertThat(browser.get("/staff").statusCode()).isEqualTo(200);

        // The open tab's heartbeats every five minutes are not actions.
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(5));
            browser.heartbeat();
        }
        clock.advance(Duration.ofMinutes(4));
        assertThat(browser.get("/staff").statusCode()).as("29 minutes after the last action").isEqualTo(200);

        clock.advance(Duration.ofMinutes(29));
        browser.heartbeat();
        clock.advance(Duration.ofMinutes(1));
        var response = browser.get("/staff");
        assertThat(response.statusCode()).as("30 minutes without an action").isEqualTo(302);
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith(SessionEnd.COOKIE + "=idle"));
    }

    @Test
    void a_session_ends_twelve_hours_after_signing_in_however_busy() throws Exception {
        sessions.useClock(clock);
        String email = newStaff();
        var browser = new Browser();
        browser.signIn(email, PASSWORD);
        for (int i = 0; i < 35; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(browser.get("/staff").statusCode()).as("after %d minutes", (i + 1) * 20).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(20));
        var response = browser.get("/staff");
        assertThat(response.statusCode()).as("12 hours").isEqualTo(302);
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith(SessionEnd.COOKIE + "=expired"));
    }

    /** One browser: its own cookies, redirects not followed. */
    @Test
    void a_staff_page_asked_with_a_session_the_server_no_longer_has_lands_on_the_sign_in_page_which_says_why()
            throws Exception {
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var staffPage = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/staff/agenda"))
                .header("Cookie", "JSESSIONID=gone-after-a-night-asleep").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(staffPage.statusCode()).isEqualTo(302);
        assertThat(staffPage.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith(SessionEnd.COOKIE + "=gone").contains("HttpOnly"));

        var publicPage = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Cookie", "JSESSIONID=a-resident-s-old-session").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(publicPage.headers().allValues("Set-Cookie")).as("a resident is told nothing")
                .noneSatisfy(c -> assertThat(c).startsWith(SessionEnd.COOKIE));
    }

    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void heartbeat() throws Exception {
            client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/?v-r=heartbeat&v-uiId=0"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }

        void signIn(String email, String password) throws Exception {
            get("/login");
            String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Location")).as("signed in").get().asString().endsWith("/staff");
        }
    }

    /** Real time moved forward by the test. */
    private static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration duration) {
            offset = offset.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
