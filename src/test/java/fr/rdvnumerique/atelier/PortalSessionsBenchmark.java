package fr.rdvnumerique.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.Benchmarks;
import fr.rdvnumerique.testing.TestConfig;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/run portal-sessions}: anonymous visitors opened over HTTP on loopback as a browser does (the page,
 * {@code ?v-r=init}, then the router's {@code ui-navigate} event with the session's CSRF key), {@code
 * -Dbench.visitors} (default 1,000) per public route, against a city-scale programme (252 sessions over 12
 * weeks) and a département-scale one (672 sessions, two advisors). After full GCs, the heap used by each batch of
 * sessions divided by its size is the retained heap per visitor session. The sessions stay open while the next
 * route is measured, so each figure is the growth its own batch caused.
 * <p>
 * Runs in-process in the test configuration (Vaadin in development mode with its prebuilt bundle, not the
 * production jar): the floor (a bare legal page) is printed beside the routes so that what a route adds can be
 * read from their difference. Targets (issue 14): the list ≤ 150 KB at both scales, home and wizard ≤ 100 KB,
 * ≥ 5,000 list sessions per GB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaadin.productionMode=${bench.productionMode:true}")
@Import(TestConfig.class)
@Tag("bench")
class PortalSessionsBenchmark {

    @Autowired AtelierFixtures fixtures;
    @Autowired TerritoryFixtures territories;
    @LocalServerPort int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<HttpClient> keep = new ArrayList<>();
    /** The page's status: in production mode without the production bundle (not built here) it is not 200. */
    private int pageStatus;

    @Test
    void retained_heap_per_visitor_session() throws Exception {
        int visitors = Benchmarks.intSetting("visitors", 1000);
        System.out.println("bench portal-sessions: " + visitors + " visitors per route, "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB (in-process, test configuration)");
        TestTerritory city = programme("Ville", 1);
        TestTerritory dept = programme("Departement", 2);
        System.out.println("bench portal-sessions: seeded 252 + 672 sessions");

        // Warm-up: classes, JIT, caches.
        for (String route : routes(city)) {
            open(route, 20);
        }
        keep.clear();

        var figures = Benchmarks.figures();
        System.out.println("bench portal-sessions: page status " + pageStatus);
        double floor = measure("floor (legal page)", "territoire/" + city.slug() + "/mentions-legales", visitors);
        double cityList = measure("city list", "territoire/" + city.slug() + "/ateliers", visitors);
        double deptList = measure("département list", "territoire/" + dept.slug() + "/ateliers", visitors);
        double home = measure("home", "territoire/" + city.slug(), visitors);
        double wizard = measure("wizard step 1", "territoire/" + city.slug() + "/rendez-vous", visitors);
        figures.put("city_list_kb", Math.round(cityList));
        figures.put("dept_list_kb", Math.round(deptList));
        figures.put("home_kb", Math.round(home));
        figures.put("wizard_kb", Math.round(wizard));
        figures.put("floor_kb", Math.round(floor));
        figures.put("sessions_per_gb", Math.round(1024 * 1024 / Math.max(cityList, deptList)));
        figures.put("visitors", visitors);
        Benchmarks.result("portal-sessions", figures);
        var missed = new ArrayList<String>();
        if (Math.max(cityList, deptList) > 150) {
            missed.add("list above 150 KB");
        }
        if (home > 100 || wizard > 100) {
            missed.add("home or wizard above 100 KB");
        }
        if (missed.isEmpty()) {
            return;
        }
        System.out.println("bench portal-sessions MISSED: " + String.join(", ", missed));
        throw new AssertionError(String.join(", ", missed));
    }

    private static List<String> routes(TestTerritory t) {
        return List.of("territoire/" + t.slug() + "/mentions-legales", "territoire/" + t.slug() + "/ateliers",
                "territoire/" + t.slug(), "territoire/" + t.slug() + "/rendez-vous");
    }

    /** KB of heap per session after {@code n} visitors opened the route (the sessions stay open). */
    private double measure(String name, String route, int n) throws Exception {
        long before = usedAfterGc();
        long start = System.nanoTime();
        open(route, n);
        long ms = (System.nanoTime() - start) / 1_000_000;
        long after = usedAfterGc();
        double kb = (after - before) / 1024.0 / n;
        Benchmarks.figure(String.format("%-20s %7.1f KB per session  (%d sessions in %d ms, %.1f ms each)", name, kb,
                n, ms, ms / (double) n));
        return kb;
    }

    private void open(String route, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            keep.add(visit(route));
        }
    }

    /** One visitor: its own cookie jar (its own session), the page, the UI, the navigation. */
    private HttpClient visit(String route) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://127.0.0.1:" + port + "/";
        var page = client.send(HttpRequest.newBuilder(URI.create(base + route)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        pageStatus = page.statusCode();
        var init = client.send(HttpRequest.newBuilder(URI.create(base + "?v-r=init&location="
                + URLEncoder.encode(route, StandardCharsets.UTF_8) + "&query=")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(init.statusCode()).as("init " + route).isEqualTo(200);
        JsonNode config = json.readTree(init.body()).path("appConfig");
        int uiId = config.path("v-uiId").asInt();
        JsonNode uidl = config.path("uidl");
        String csrf = uidl.path("Vaadin-Security-Key").asString();
        int syncId = uidl.path("syncId").asInt();
        var navigate = Map.of("csrfToken", csrf, "syncId", syncId, "clientId", 0, "rpc", List.of(Map.of(
                "type", "event", "node", 1, "event", "ui-navigate", "data", Map.of("route", route, "query", "",
                        "appShellTitle", "", "historyState", Map.of("idx", 0), "trigger", ""))));
        var response = client.send(HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(navigate))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("navigation " + route).isEqualTo(200);
        assertThat(response.body()).as("the view was built: " + route).doesNotContain("Page introuvable")
                .contains(route.endsWith("/ateliers") ? "atelier-count" : "public-main");
        return client;
    }

    private static long usedAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            memory.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * Twelve weeks of ateliers, three sessions a day from tomorrow by each advisor (two places); {@code advisors}
     * 2 gives four a day each at the two places.
     */
    private TestTerritory programme(String label, int advisors) {
        TestAtelier first = fixtures.create(label, 8, 1);
        TestTerritory t = first.territory();
        long other = fixtures.workshop(t, "Retoucher ses photos " + label);
        int[][] slots = advisors == 1 ? new int[][] {{9, 0}, {11, 30}, {14, 0}} : new int[][] {{9, 0}, {11, 30}, {14, 0}, {16, 30}};
        List<TestTerritory> staff = new ArrayList<>(List.of(t));
        for (int a = 1; a < advisors; a++) {
            long advisor = territories.addAdvisor(t, "Conseiller " + a + " " + label);
            staff.add(new TestTerritory(t.structureId(), t.slug(), t.communeId(), t.placeId(), t.secondPlaceId(), advisor));
        }
        for (int a = 0; a < staff.size(); a++) {
            long place = a == 0 ? t.placeId() : t.secondPlaceId();
            for (int day = 1; day <= 84; day++) {
                for (int s = 0; s < slots.length; s++) {
                    if (a == 0 && day == 1 && slots[s][0] == 14) {
                        continue; // the fixture's own session
                    }
                    fixtures.session(staff.get(a), s % 2 == 0 ? first.workshopId() : other,
                            fixtures.at(day, slots[s][0], slots[s][1]), 8, place);
                }
            }
        }
        return t;
    }
}
