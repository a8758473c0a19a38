package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.TestClock;
import fr.rdvnumerique.testing.TestConfig;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two browsers signed in as the same person; an administrator changes the account; both sessions end at their next
 * request, since every request compares the session's stamp with the database's. And a session nobody uses ends
 * after the idle timeout, heartbeats or not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestConfig.class)
class StaffSessionsIT {

    private static final String PASSWORD = "phrase de passe des sessions";

    @LocalServerPort int port;
    @Autowired StaffAccountProvisioning provisioning;
    @Autowired StaffAccountService accounts;
    @Autowired TransactionTemplate transactions;
    @Autowired TerritoryFixtures fixtures;
    @Autowired LoginThrottle throttle;
    @Autowired TestClock clock;

    @AfterEach
    void reset() {
        StaffLogin.signOut();
        throttle.reset();
        clock.reset();
    }

    @Test
    void deactivating_the_account_ends_both_open_sessions() throws Exception {
        bothSessionsEndWhen(id -> accounts.setActive(id, false));
    }

    @Test
    void changing_the_roles_ends_both_open_sessions() throws Exception {
        bothSessionsEndWhen(id -> {
            var form = accounts.load(id);
            accounts.update(id, form.version(), new StaffAccountForm(form.value().email(), form.value().displayName(),
                    EnumSet.of(Role.ADVISOR), form.value().structureId(), null, ""));
        });
    }

    @Test
    void resetting_the_password_ends_both_open_sessions() throws Exception {
        bothSessionsEndWhen(id -> {
            var form = accounts.load(id);
            accounts.update(id, form.version(), new StaffAccountForm(form.value().email(), form.value().displayName(),
                    form.value().roles(), form.value().structureId(), null, "une nouvelle phrase de passe"));
        });
    }

    @Test
    void a_session_without_any_action_ends_after_thirty_minutes_despite_the_heartbeat() throws Exception {
        String email = account();
        clock.set(java.time.Instant.now());
        HttpClient browser = signedIn(email);
        clock.advance(Duration.ofMinutes(29));
        assertThat(get(browser, "/staff").statusCode()).as("an action within the half hour").isEqualTo(200);
        clock.advance(Duration.ofMinutes(20));
        heartbeat(browser);
        clock.advance(Duration.ofMinutes(11));
        heartbeat(browser);
        var response = get(browser, "/staff");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    private void bothSessionsEndWhen(LongConsumer change) throws Exception {
        String email = account();
        long id = idOf(email);
        HttpClient office = signedIn(email);
        HttpClient laptop = signedIn(email);
        assertThat(get(office, "/staff").statusCode()).isEqualTo(200);
        assertThat(get(laptop, "/staff").statusCode()).isEqualTo(200);

        StaffLogin.admin();
        change.accept(id);
        StaffLogin.signOut();

        for (HttpClient browser : List.of(office, laptop)) {
            var response = get(browser, "/staff");
            assertThat(response.statusCode()).as("sent to the sign-in page").isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
            assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                    assertThat(cookie).startsWith(SessionEnd.COOKIE + "=revoked"));
            assertThat(get(browser, "/staff").statusCode()).as("and it stays ended").isEqualTo(302);
        }
    }

    @Autowired StaffAccountRepository repository;

    private long idOf(String email) {
        return repository.findByEmail(email).orElseThrow().getId();
    }

    private String account() {
        var territory = fixtures.create("Sessions");
        String email = "sessions" + System.nanoTime() + "@exemple.fr";
        transactions.executeWithoutResult(s -> provisioning.provision(email, "Camille Sessions", PASSWORD,
                EnumSet.of(Role.COORDINATOR), territory.structureId(), null));
        return email;
    }

    private HttpClient signedIn(String email) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        get(client, "/login");
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        var response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/staff");
        return client;
    }

    private void heartbeat(HttpClient client) throws Exception {
        client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/?v-r=heartbeat&v-uiId=0"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
