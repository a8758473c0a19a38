package fr.rdvnumerique.base.ops;

import com.zaxxer.hikari.HikariDataSource;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.notification.MailServer;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.Benchmarks;
import fr.rdvnumerique.testing.ProductionNode;
import fr.rdvnumerique.testing.TestConfig;
import fr.rdvnumerique.testing.load.PortalScenario;
import fr.rdvnumerique.testing.load.PortalScenario.Person;
import fr.rdvnumerique.testing.load.RequestStats;
import fr.rdvnumerique.testing.load.VaadinVisitor;
import fr.rdvnumerique.testing.load.VaadinVisitor.VisitorException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code bench/run cluster}: two production nodes ({@code java -jar} of the production jar, {@code -Dbench.jar},
 * which {@code bench/run} builds or finds) on loopback ports against one MariaDB (the test's embedded one, or the
 * server of SPRING_DATASOURCE_URL, in a fresh database), HAProxy in front with sticky sessions (its cookie
 * {@code SRV}), and GreenMail as the SMTP server both nodes send to. Residents register to ateliers through HAProxy
 * with the portal scenario over Vaadin's own protocol ({@link PortalScenario}, {@link VaadinVisitor}); mid-run node 1
 * is killed with {@code kill -9}. Then:
 * <ul>
 *   <li>new visitors land on the survivor, and visitors whose page lived on the dead node get Vaadin's « session
 *       expired » answer, reload and register;</li>
 *   <li>no session holds more confirmed seats than its capacity;</li>
 *   <li>every registration's mail (confirmation or waiting list) arrives exactly once, and every reminder that fell
 *       due (one session starts tomorrow a few minutes after the run started, so its « day before » reminder falls
 *       due during the run) exactly once, whichever node queued or sent it, the dead one included;</li>
 *   <li>one per-address limit (calendar files, {@code -Dbench.limit}/hour) asked alternately of both nodes directly
 *       gives one allowance, not one per node.</li>
 * </ul>
 * Settings for a short run on a shared machine: jobs every second or two, leases, staleness and resubmission of the
 * event registry in seconds instead of minutes (what a dead node left in flight comes back within the run, not
 * after 15 minutes), no quiet hours. The production defaults are longer; the mechanisms are the same.
 * Every child process is destroyed at the end (and by a shutdown hook); every wait is bounded.
 */
@SpringBootTest
@Import(TestConfig.class)
@Tag("bench")
class ClusterBenchmark {

    /** The domain of PortalScenario.Person's addresses. */
    private static final String DOMAIN = "exemple.fr";

    @Autowired AtelierFixtures fixtures;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    /** How a visitor's registration ended. */
    private enum Outcome { CONFIRMED, WAITING, ALREADY, FAILED }

    private final List<Process> children = new CopyOnWriteArrayList<>();
    private final Thread reaper = new Thread(this::destroyAll, "cluster-benchmark-reaper");

    @Test
    void two_nodes_behind_haproxy_lose_one_and_nothing_else() throws Exception {
        Path jar = ProductionNode.jar();
        int visitors = Benchmarks.intSetting("visitors", 240);
        int threads = Benchmarks.intSetting("threads", 8);
        int opened = Benchmarks.intSetting("opened", 24);
        int limit = Benchmarks.intSetting("limit", 10);
        Path dir = Path.of("target", "cluster").toAbsolutePath();
        Files.createDirectories(dir);
        Runtime.getRuntime().addShutdownHook(reaper);
        var figures = Benchmarks.figures();
        var missed = new ArrayList<String>();
        ProductionNode n1 = null;
        ProductionNode n2 = null;
        try (var mail = new MailServer().start()) {
            // --- Data: ateliers for the load, and one session whose « day before » reminder falls due in the run.
            var atelier = fixtures.create("Cluster", 30, 2);
            TestTerritory territory = atelier.territory();
            List<Long> sessions = new ArrayList<>(List.of(atelier.sessionId()));
            for (int day = 3; day <= 5; day++) {
                sessions.add(fixtures.session(territory, atelier.workshopId(), fixtures.at(day, 14, 0), 30));
            }

            // --- Two nodes, HAProxy, the SMTP server.
            int proxyPort = MailServer.freePort();
            String publicUrl = "http://127.0.0.1:" + proxyPort;
            long startedAt = System.nanoTime();
            n1 = ProductionNode.start(jar, launch("cluster-1", mail.port(), publicUrl, limit));
            n2 = ProductionNode.start(jar, launch("cluster-2", mail.port(), publicUrl, limit));
            n1.awaitFirstPage("readyz", Duration.ofMinutes(5));
            n2.awaitFirstPage("readyz", Duration.ofMinutes(5));
            int[] ports = {n1.port(), n2.port()};
            System.out.println("bench cluster: node 1 (pid " + n1.pid() + ") on " + n1.baseUrl() + ", node 2 (pid "
                    + n2.pid() + ") on " + n2.baseUrl() + ", logs target/bench-node-cluster-*.log");
            System.out.println("bench cluster: both nodes ready in " + seconds(startedAt) + " s");
            startHaproxy(dir, proxyPort, ports);
            await("HAProxy answers", Duration.ofSeconds(30), () -> status(publicUrl + "/readyz", null) == 200);
            // Seeded now that the nodes are up: registrations come before the reminder's time, which falls in the run.
            // Sessions start on a five-minute step: the next one at least this long from now.
            long earliest = Instant.now().getEpochSecond() + Benchmarks.intSetting("reminderAfterSeconds", 90);
            Instant reminderDue = Instant.ofEpochSecond((earliest + 299) / 300 * 300);
            long dueSession = fixtures.session(territory, atelier.workshopId(), reminderDue.plus(Duration.ofDays(1)), 60);
            sessions.add(dueSession);
            System.out.println("bench cluster: " + visitors + " visitors, " + threads + " at once, " + sessions.size()
                    + " sessions (" + territory.slug() + "), the « day before » reminders of session " + dueSession
                    + " due at " + ZonedDateTime.ofInstant(reminderDue, ParisTime.ZONE).toLocalTime() + " Paris");

            // --- Limits are shared: one address asks both nodes in turn, directly.
            int allowed = 0;
            Set<Integer> refusedBy = new HashSet<>();
            for (int i = 0; i < 3 * limit; i++) {
                int port = ports[i % 2];
                int code = status("http://127.0.0.1:" + port + "/public/agenda/inscription/inconnu" + i + ".ics",
                        "198.51.100.23");
                if (code == 429) {
                    refusedBy.add(port);
                } else {
                    allowed++;
                }
            }
            boolean limitsShared = allowed == limit && refusedBy.size() == 2;
            Benchmarks.figure("calendar files for one address, " + 3 * limit + " asked of both nodes in turn: " + allowed
                    + " served (allowance " + limit + "/hour)");

            // --- The load, through HAProxy: the portal scenario (list, a session, the form); node 1 killed mid-run.
            var scenario = new PortalScenario(URI.create(publicUrl + "/"), territory.slug());
            HttpClient http = VaadinVisitor.httpClient();
            var stats = new RequestStats();
            var results = new ConcurrentHashMap<Integer, Outcome>();
            var expiredSeen = new AtomicInteger();
            var failures = new CopyOnWriteArrayList<String>();
            var afterKillOnDead = new AtomicInteger();
            var afterKillVisitors = new AtomicInteger();
            var done = new AtomicInteger();
            String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            // Visitors who open a form before the kill and send it after: those on node 1 lose their session.
            var waiting = new ArrayList<VaadinVisitor>();
            var waitingIds = new ArrayList<Integer>();
            long loadStart = System.nanoTime();
            try {
                for (int v = 0; v < opened; v++) {
                    int id = visitors + v;
                    var visitor = scenario.visitor(http, PortalScenario.address(id), stats);
                    try {
                        visitor.open(route(territory.slug(), sessions.get(id % sessions.size()))).require("atelier-submit");
                        waiting.add(visitor);
                        waitingIds.add(id);
                    } catch (VisitorException e) {
                        failures.add("visitor " + id + " could not open the form before the kill: " + e.getMessage());
                    }
                }
                long onDead = waiting.stream().filter(w -> node(w).equals("n1")).count();
                List<Future<?>> firstHalf = new ArrayList<>();
                int half = visitors / 2;
                for (int v = 0; v < half; v++) {
                    int id = v;
                    firstHalf.add(pool.submit(() -> visit(scenario, http, stats, id, run, results, expiredSeen, failures,
                            done)));
                }
                // Mid-run: registrations are in flight when node 1 dies.
                await("a quarter of the visitors through", Duration.ofMinutes(10), () -> done.get() >= half / 2);
                long killAt = System.nanoTime();
                int before = done.get();
                n1.kill(); // SIGKILL, as kill -9: no shutdown hook, no graceful stop
                Benchmarks.figure("node 1 killed (kill -9) after " + before + " visitors registered (" + (half - before)
                        + " of the first half still to come), " + seconds(loadStart) + " s into the load; " + onDead
                        + " of " + waiting.size() + " open forms were on it");
                for (var f : firstHalf) {
                    f.get(5, TimeUnit.MINUTES);
                }
                // The open forms are sent now: the dead node's visitors are told their session expired, reload the
                // page (same cookies, as a browser) and register.
                int expiredOpen = 0;
                for (int i = 0; i < waiting.size(); i++) {
                    var visitor = waiting.get(i);
                    int id = waitingIds.get(i);
                    boolean wasOnDead = node(visitor).equals("n1");
                    String route = visitor.location();
                    Outcome outcome;
                    try {
                        outcome = send(visitor, person(run, id));
                        if (wasOnDead) {
                            failures.add("visitor " + id + " of the dead node got " + outcome + " instead of « session expired »");
                        }
                    } catch (VisitorException e) {
                        if (!expired(e)) {
                            failures.add("visitor " + id + ": " + e.getMessage());
                        }
                        expiredOpen += expired(e) ? 1 : 0;
                        expiredSeen.addAndGet(expired(e) ? 1 : 0);
                        outcome = retry(visitor, route, person(run, id), failures, id);
                    }
                    results.put(id, outcome);
                }
                Benchmarks.figure(expiredOpen + " open forms answered « session expired », then registered after a reload");
                if (expiredOpen < onDead) {
                    failures.add(onDead + " open forms on the dead node, only " + expiredOpen + " told their session expired");
                }
                if (onDead == 0) {
                    failures.add("no open form was on node 1: the kill tested nothing for them");
                }
                // New visitors after the kill: all on the survivor.
                List<Future<?>> secondHalf = new ArrayList<>();
                for (int v = half; v < visitors; v++) {
                    int id = v;
                    secondHalf.add(pool.submit(() -> {
                        afterKillVisitors.incrementAndGet();
                        var visitor = visit(scenario, http, stats, id, run, results, expiredSeen, failures, done);
                        if (!node(visitor).equals("n2")) {
                            afterKillOnDead.incrementAndGet();
                        }
                    }));
                }
                for (var f : secondHalf) {
                    f.get(5, TimeUnit.MINUTES);
                }
                Benchmarks.figure("load: " + (visitors + waiting.size()) + " visitors, " + stats.requests() + " requests ("
                        + stats.failures() + " failed, p95 " + stats.percentileMs(95) + " ms) in " + seconds(loadStart)
                        + " s; after the kill " + afterKillVisitors.get() + " new visitors, " + afterKillOnDead.get()
                        + " not on the survivor; the survivor served them until " + seconds(killAt) + " s after the kill");
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(30, TimeUnit.SECONDS);
            }

            // --- What the database holds.
            int overbooked = 0;
            for (long session : sessions) {
                var counts = fixtures.counts(session);
                if (counts.confirmedRowSeats() > counts.capacity() || counts.confirmedSeats() != counts.confirmedRowSeats()) {
                    overbooked++;
                    failures.add("session " + session + ": " + counts);
                }
            }
            Map<String, String> registered = new HashMap<>();
            for (var row : jdbc.sql("select email, status from atelier_registration where session_id in (:ids) "
                    + "and status <> 'CANCELLED'").param("ids", sessions).query().listOfRows()) {
                if (registered.put(row.get("email").toString().toLowerCase(), row.get("status").toString()) != null) {
                    failures.add(row.get("email") + " registered twice");
                }
            }
            long registeredOk = results.values().stream()
                    .filter(o -> o == Outcome.CONFIRMED || o == Outcome.WAITING || o == Outcome.ALREADY).count();
            var unregistered = results.entrySet().stream()
                    .filter(e -> !registered.containsKey(person(run, e.getKey()).email())).map(Map.Entry::getKey).toList();
            if (!unregistered.isEmpty()) {
                failures.add(unregistered.size() + " visitors have no registration in the database, e.g. "
                        + unregistered.subList(0, Math.min(5, unregistered.size())) + " "
                        + results.get(unregistered.getFirst()));
            }

            // --- Mails: wait (bounded) until every registration's mail and every due reminder arrived once.
            long remindersExpected = 0;
            long waitStart = System.nanoTime();
            // Bounded, but never before the reminders' time has come and they had two minutes to go out: that time is
            // rounded up to five minutes, so it may fall after a fast run's load.
            Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
            if (deadline.isBefore(reminderDue.plus(Duration.ofMinutes(2)))) {
                deadline = reminderDue.plus(Duration.ofMinutes(2));
            }
            Map<String, Integer> registrationMails = Map.of();
            Map<String, Integer> reminderMails = Map.of();
            while (true) {
                var received = mail.receivedFor(DOMAIN);
                registrationMails = count(received, false);
                reminderMails = count(received, true);
                remindersExpected = dueReminders(dueSession);
                boolean reminderTimePassed = Instant.now().isAfter(reminderDue.plusSeconds(20));
                boolean complete = registered.keySet().stream().allMatch(registrationMails::containsKey)
                        && reminderTimePassed && reminderMails.size() >= remindersExpected;
                if (complete || Instant.now().isAfter(deadline)) {
                    break;
                }
                Thread.sleep(1000);
            }
            // A late second copy would come within a few dispatcher runs.
            Thread.sleep(5000);
            var received = mail.receivedFor(DOMAIN);
            registrationMails = count(received, false);
            reminderMails = count(received, true);
            Map<String, Integer> finalRegistrationMails = registrationMails;
            long mailsLost = registered.keySet().stream().filter(e -> !finalRegistrationMails.containsKey(e)).count()
                    + Math.max(0, remindersExpected - reminderMails.size());
            long mailsDuplicated = duplicates(registrationMails) + duplicates(reminderMails);
            long reminderMailsNotExpected = reminderMails.keySet().stream().filter(e -> !registered.containsKey(e)).count();
            Benchmarks.figure(registered.size() + " registrations in the database, " + registrationMails.size()
                    + " residents got their registration mail (" + sum(registrationMails) + " mails); "
                    + remindersExpected + " reminders due, " + reminderMails.size() + " residents reminded ("
                    + sum(reminderMails) + " mails); waited " + seconds(waitStart) + " s for the mails");
            long resentSameId = 0;
            if (mailsDuplicated > 0) {
                // The same Message-ID twice: the dispatcher's at-least-once window (the server took it, the node
                // died before recording it, another node sent it again after the lease). Two ids: two messages.
                var ids = new HashMap<String, List<String>>();
                for (MimeMessage m : received) {
                    String to = m.getRecipients(Message.RecipientType.TO)[0].toString();
                    ids.computeIfAbsent(to + " « " + m.getSubject() + " »", k -> new ArrayList<>()).add(m.getMessageID());
                }
                resentSameId = ids.values().stream().filter(v -> v.size() > 1 && new HashSet<>(v).size() == 1)
                        .mapToLong(v -> v.size() - 1).sum();
                ids.entrySet().stream().filter(e -> e.getValue().size() > 1).forEach(e -> Benchmarks.figure(
                        "twice: " + e.getKey() + " " + (new HashSet<>(e.getValue()).size() == 1
                                ? "(one Message-ID, sent again after its sender died)" : "(distinct Message-IDs " + e.getValue() + ")")));
            }
            if (reminderMailsNotExpected > 0) {
                failures.add(reminderMailsNotExpected + " reminder mails to people without a registration");
            }
            if (remindersExpected == 0) {
                failures.add("no reminder fell due during the run: the reminder check tested nothing");
            }
            var outcomes = new HashMap<Outcome, Integer>();
            results.values().forEach(o -> outcomes.merge(o, 1, Integer::sum));
            Benchmarks.figure("outcomes: " + outcomes + "; « session expired » answers: " + expiredSeen.get());
            failures.stream().limit(20).forEach(f -> Benchmarks.figure("problem: " + f));

            figures.put("nodes", 2);
            figures.put("registrations", registered.size());
            figures.put("visitors_registered", registeredOk);
            figures.put("session_expired", expiredSeen.get());
            figures.put("after_kill_on_dead", afterKillOnDead.get());
            figures.put("overbooked", overbooked);
            figures.put("reminders_due", remindersExpected);
            figures.put("mails_lost", mailsLost);
            figures.put("mails_duplicated", mailsDuplicated);
            figures.put("of_which_same_message_id", resentSameId);
            figures.put("limits_shared", limitsShared ? "yes" : "no");
            Benchmarks.result("cluster", figures);

            if (overbooked > 0) {
                missed.add("overbooked sessions");
            }
            if (mailsLost > 0 || mailsDuplicated > 0) {
                missed.add("mails lost or duplicated");
            }
            if (!limitsShared) {
                missed.add("limits not shared");
            }
            if (afterKillOnDead.get() > 0 || expiredSeen.get() == 0) {
                missed.add("visitors not moved to the survivor");
            }
            if (registeredOk < results.size() || !failures.isEmpty()) {
                missed.add("visitors failed (" + failures.size() + " problems)");
            }
        } finally {
            for (var node : new ProductionNode[] {n1, n2}) {
                if (node != null) {
                    node.kill();
                }
            }
            destroyAll();
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway.
            }
        }
        if (!missed.isEmpty()) {
            System.out.println("bench cluster MISSED: " + String.join(", ", missed));
            throw new AssertionError(String.join(", ", missed));
        }
    }

    /**
     * One resident through the portal scenario; when a request fails (the node died under it) or the session expired,
     * the same person reloads the session's page and sends the form again.
     */
    private static VaadinVisitor visit(PortalScenario scenario, HttpClient http, RequestStats stats, int id, String run,
                                       Map<Integer, Outcome> results, AtomicInteger expiredSeen, List<String> failures,
                                       AtomicInteger done) {
        var visitor = scenario.visitor(http, PortalScenario.address(id), stats);
        var person = person(run, id);
        Outcome outcome = Outcome.FAILED;
        try {
            for (int attempt = 0; attempt < 4; attempt++) {
                try {
                    outcome = scenario.register(visitor, person) == PortalScenario.Registration.CONFIRMED
                            ? Outcome.CONFIRMED : Outcome.WAITING;
                    break;
                } catch (VisitorException e) {
                    if (expired(e)) {
                        expiredSeen.incrementAndGet();
                    }
                    String route = visitor.location();
                    if (route.matches("territoire/.+/ateliers/[0-9]+")) {
                        // The form may have reached the dead node: the same session again, never another one.
                        outcome = retry(visitor, route, person, failures, id);
                        break;
                    }
                    // Lost before any session was chosen (on the list): the visitor starts again from the list.
                    if (attempt == 3) {
                        failures.add("visitor " + id + ": " + e.getMessage());
                    }
                    Thread.sleep(1000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failures.add("visitor " + id + ": " + e);
            outcome = Outcome.FAILED;
        }
        results.put(id, outcome);
        done.incrementAndGet();
        return visitor;
    }

    /** The page of the session again (a reload: same cookies), then the form; a few times, a second apart. */
    private static Outcome retry(VaadinVisitor visitor, String route, Person person, List<String> failures, int id) {
        VisitorException last = null;
        for (int attempt = 0; attempt < 4; attempt++) {
            try {
                Thread.sleep(attempt == 0 ? 100 : 1000);
                visitor.open(route);
                if (visitor.has("atelier-submit")) {
                    return send(visitor, person);
                }
            } catch (VisitorException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        failures.add("visitor " + id + " could not register after a reload: " + (last == null ? "no form" : last.getMessage()));
        return Outcome.FAILED;
    }

    /** The form of the open session page filled and sent: the answer. */
    private static Outcome send(VaadinVisitor visitor, Person person) {
        visitor.type("atelier-first-name", person.givenName());
        visitor.type("atelier-last-name", person.familyName());
        visitor.type("atelier-email", person.email());
        visitor.click("atelier-submit");
        if (visitor.has("atelier-already-status")) {
            return Outcome.ALREADY; // its first try went through before its node died, the answer did not come back
        }
        if (!visitor.withClass("result-confirmed").isEmpty()) {
            return Outcome.CONFIRMED;
        }
        if (!visitor.withClass("result-waiting").isEmpty()) {
            return Outcome.WAITING;
        }
        throw new VisitorException("no registration: « " + visitor.text("atelier-form-error") + " »");
    }

    private static boolean expired(VisitorException e) {
        return String.valueOf(e.getMessage()).endsWith("session expired");
    }

    /** The load balancer's cookie: the node the visitor sticks to. */
    private static String node(VaadinVisitor visitor) {
        return visitor.cookie("SRV").orElse("");
    }

    private static Person person(String run, int id) {
        return Person.of(run, id);
    }

    private static String route(String slug, long session) {
        return "territoire/" + slug + "/ateliers/" + session;
    }

    /** Reminders of the session that fell due (planned with a due time now past and not skipped). */
    private long dueReminders(long session) {
        return jdbc.sql("""
                select count(*) from scheduled_reminder r
                join atelier_registration g on g.id = r.subject_id
                where r.subject_type = 'ATELIER_REGISTRATION' and g.session_id = :session and r.due_at is not null and r.due_at <= :now
                  and r.status in ('PENDING', 'QUEUED')""")
                .param("session", session).param("now", java.sql.Timestamp.from(Instant.now()))
                .query(Long.class).single();
    }

    /** Mails per recipient: the reminders, or the registrations' own (confirmed, waiting list). */
    private static Map<String, Integer> count(List<MimeMessage> received, boolean reminders) {
        var counts = new HashMap<String, Integer>();
        for (MimeMessage message : received) {
            try {
                String subject = message.getSubject();
                boolean reminder = subject.startsWith("Rappel");
                boolean registration = subject.startsWith("Inscription confirmée") || subject.startsWith("Liste d’attente");
                if (reminders ? reminder : registration) {
                    for (var to : message.getRecipients(Message.RecipientType.TO)) {
                        counts.merge(((jakarta.mail.internet.InternetAddress) to).getAddress().toLowerCase(), 1,
                                Integer::sum);
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    private static long duplicates(Map<String, Integer> counts) {
        return counts.values().stream().mapToLong(c -> Math.max(0, c - 1)).sum();
    }

    private static int sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A production node against the test's database, its mails to GreenMail, timings for a short run. */
    private ProductionNode.Launch launch(String name, int smtpPort, String publicUrl, int limit) {
        var pool = (HikariDataSource) dataSource;
        var launch = new ProductionNode.Launch(name, pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword() == null ? "" : pool.getPassword(), List.of("-Xmx512m"), Map.of());
        var env = new LinkedHashMap<String, String>();
        env.put("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "10");
        env.put("SPRING_MAIL_PORT", Integer.toString(smtpPort));
        env.put("RDV_FORWARD_HEADERS_STRATEGY", "native");
        env.put("RDV_PUBLIC_URL", publicUrl);
        env.put("RDV_NOTIFICATION_FEEDS_DOWNLOADS_PER_HOUR", Integer.toString(limit));
        // A short run: jobs often, leases and staleness in seconds, no quiet hours (see the class comment).
        env.put("RDV_NOTIFICATION_DISPATCHER_DELAY", "1s");
        env.put("RDV_NOTIFICATION_DISPATCHER_LEASE", "30s");
        env.put("RDV_NOTIFICATION_REMINDERS_DELAY", "2s");
        env.put("RDV_NOTIFICATION_REMINDERS_QUIET_FROM_HOUR", "24");
        env.put("RDV_NOTIFICATION_REMINDERS_QUIET_UNTIL_HOUR", "0");
        env.put("RDV_NOTIFICATION_EVENTS_RESUBMIT_EVERY", "10s");
        env.put("SPRING_MODULITH_EVENTS_STALENESS_PUBLISHED", "20s");
        env.put("SPRING_MODULITH_EVENTS_STALENESS_PROCESSING", "20s");
        env.put("SPRING_MODULITH_EVENTS_STALENESS_RESUBMITTED", "20s");
        env.put("SPRING_MODULITH_EVENTS_STALENESS_CHECK_INTERVAL", "5s");
        env.put("TZ", "Europe/Paris");
        for (var e : env.entrySet()) {
            launch = launch.withEnvironment(e.getKey(), e.getValue());
        }
        return launch;
    }

    private void startHaproxy(Path dir, int proxyPort, int[] ports) throws IOException {
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, """
                # Written by ClusterBenchmark: two nodes, sticky sessions through the cookie SRV (see docker/haproxy).
                global
                    maxconn 2000
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    option forwardfor
                    option redispatch
                    retries 2
                frontend portal
                    bind 127.0.0.1:%d
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    cookie SRV insert indirect nocache httponly
                    option httpchk GET /readyz
                    http-check expect status 200
                    default-server inter 1s fall 2 rise 2
                    server n1 127.0.0.1:%d check cookie n1
                    server n2 127.0.0.1:%d check cookie n2
                """.formatted(proxyPort, ports[0], ports[1]));
        Process haproxy = new ProcessBuilder("haproxy", "-f", config.toString(), "-db").redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        children.add(haproxy);
        System.out.println("bench cluster: HAProxy (pid " + haproxy.pid() + ") on 127.0.0.1:" + proxyPort);
    }

    private void destroyAll() {
        for (Process p : children) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : children) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out: " + what);
            }
            Thread.sleep(200);
        }
    }

    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** The status of a GET, 0 when nothing answered. */
    private static int status(String url, String forwardedFor) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            return PROBE.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e9);
    }
}
