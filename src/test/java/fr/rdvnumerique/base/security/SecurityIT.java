package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.testing.TestConfig;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** What the HTTP layer promises: security headers, cookie flags, public probes and a closed actuator, throttled sign-in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestConfig.class)
class SecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    StaffSessions sessions;

    @Autowired
    StaffAccountProvisioning provisioning;

    @Autowired
    fr.rdvnumerique.territory.TerritoryFixtures fixtures;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @AfterEach
    void forgetFailures() {
        // The context is shared with the browser journeys, which sign in from the same address.
        throttle.reset();
    }

    private HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void public_pages_carry_the_security_headers_and_a_protected_session_cookie() throws Exception {
        var response = get(client(), "/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).contains("JSESSIONID", "HttpOnly", "SameSite=Lax"));
        assertThat(response.body()).contains("<html lang=\"fr\"");
    }

    @Test
    void the_probes_are_public_and_tell_only_the_status_while_the_actuator_stays_closed() throws Exception {
        // Health with details, info and metrics are on the management port (MonitoringIT).
        for (String probe : new String[] {"/livez", "/readyz"}) {
            var response = get(client(), probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
        for (String path : new String[] {"/actuator/health", "/actuator/env", "/actuator/beans", "/actuator/prometheus"}) {
            assertThat(get(client(), path).statusCode()).as(path).isIn(302, 401, 403, 404);
        }
    }

    @Test
    void staff_pages_send_anonymous_visitors_to_the_sign_in_page() throws Exception {
        var response = get(client(), "/staff/lieux");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    @Test
    void five_wrong_passwords_slow_the_account_down_without_locking_it_out() throws Exception {
        HttpClient client = client();
        String email = "ralenti" + System.nanoTime() + "@exemple.fr";
        long structureId = fixtures.create("Ralenti").structureId();
        transactions.executeWithoutResult(s -> provisioning.provision(email, "Alix Ralentie", "phrase de passe ralentie",
                java.util.EnumSet.of(Role.COORDINATOR), structureId, null));
        for (int i = 0; i < 5; i++) {
            assertThat(postLogin(client, email, "mauvais mot de passe " + i)).endsWith("/login?error");
        }
        assertThat(postLogin(client, email, "phrase de passe ralentie")).as("waits a moment despite the right password")
                .endsWith("/login?error");
        sessions.useClock(java.time.Clock.offset(java.time.Clock.systemUTC(), SignInDelay.MAX));
        try {
            assertThat(postLogin(client, email, "phrase de passe ralentie")).as("then signs in").endsWith("/staff");
        } finally {
            sessions.useClock(null);
        }
    }

    @Test
    void the_right_password_signs_in_and_lands_on_the_staff_home() throws Exception {
        HttpClient client = client();
        String email = "accueil" + System.nanoTime() + "@exemple.fr";
        long structureId = fixtures.create("Accueil").structureId();
        transactions.executeWithoutResult(s -> provisioning.provision(email, "Alix Accueil", "phrase de passe d’accueil",
                java.util.EnumSet.of(Role.COORDINATOR), structureId, null));
        assertThat(postLogin(client, email, "phrase de passe d’accueil")).endsWith("/staff");
        assertThat(get(client, "/staff").statusCode()).isEqualTo(200);
    }

    /** ADR 020: the administrator's password leads to the code page; until the code, the session is anonymous. */
    @Test
    void an_administrators_password_alone_opens_no_staff_page() throws Exception {
        HttpClient client = client();
        assertThat(postLogin(client, "admin@test.example.org", "test-admin-password")).endsWith("/login?error");
        for (String path : new String[] {"/staff", "/staff/mon-compte", "/staff/comptes", "/actuator/health"}) {
            var response = get(client, path);
            assertThat(response.statusCode()).as(path).isIn(302, 401, 403);
            if (response.statusCode() == 302) {
                assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
            }
        }
    }

    private String postLogin(HttpClient client, String email, String password) throws Exception {
        get(client, "/login");
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("login answer").isEqualTo(302);
        return response.headers().firstValue("Location").orElse("");
    }
}
