package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.notification.internal.Outbox;
import fr.rdvnumerique.notification.mail.Dispatcher;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.Benchmarks;
import fr.rdvnumerique.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code bench/run mail-drain}: queue 10,000 confirmations (with invitation and private link), then drain them
 * to a local GreenMail with two dispatchers working side by side on the same database, as two instances would.
 * Settings: {@code -Dbench.messages=}, {@code -Dbench.dispatchers=}, {@code -Dbench.batch=}. Target: at least
 * {@value #TARGET_PER_SECOND} mails a second, every one delivered, none twice; the figures say "met" or "MISSED", and
 * the RESULT line ends with {@code target_met=yes|no}.
 */
@IntegrationTest
@Tag("bench")
class MailDrainBenchmark {

    static final int TARGET_PER_SECOND = 100;

    @Autowired TerritoryFixtures fixtures;
    @Autowired Outbox outbox;
    @Autowired NotificationTestKit kit;

    @Test
    void drains_the_outbox_to_a_local_smtp_server() throws Exception {
        int messages = Benchmarks.intSetting("messages", 10_000);
        int dispatchers = Benchmarks.intSetting("dispatchers", 2);
        int batch = Benchmarks.intSetting("batch", 100);
        var territory = fixtures.create("Banc d’essai");
        String domain = "banc" + NotificationTestKit.newSubjectId() + ".example.org";
        Instant start = Instant.now().plus(Duration.ofDays(20));

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, dispatchers));
        long queueStart = System.nanoTime();
        var counter = new AtomicInteger();
        var queued = new ArrayList<Future<Integer>>();
        for (int t = 0; t < 2; t++) {
            queued.add(pool.submit(() -> {
                int mine = 0;
                for (int i = counter.getAndIncrement(); i < messages; i = counter.getAndIncrement()) {
                    if (outbox.enqueue(NotificationTestKit.confirmation(territory, NotificationTestKit.newSubjectId(),
                            "personne" + i + "@" + domain, start))) {
                        mine++;
                    }
                }
                return mine;
            }));
        }
        int enqueued = 0;
        for (var f : queued) {
            enqueued += f.get();
        }
        long queueMs = (System.nanoTime() - queueStart) / 1_000_000;
        Benchmarks.figure("queued " + enqueued + " messages in " + queueMs + " ms ("
                + Math.round(enqueued * 1000.0 / Math.max(1, queueMs)) + " per second, rendering included)");

        try (var server = new MailServer().start()) {
            var issuer = new TestLinkIssuer();
            long drainStart = System.nanoTime();
            var runs = new ArrayList<Future<Integer>>();
            for (int d = 0; d < dispatchers; d++) {
                Dispatcher dispatcher = kit.dispatcher(server, issuer, batch);
                runs.add(pool.submit(() -> {
                    int sent = 0;
                    while (true) {
                        var report = dispatcher.runOnce();
                        sent += report.sent();
                        if (report.claimed() == 0) {
                            return sent;
                        }
                    }
                }));
            }
            int sentByDispatchers = 0;
            for (var run : runs) {
                sentByDispatchers += run.get();
            }
            long wallMs = (System.nanoTime() - drainStart) / 1_000_000;
            var received = server.receivedFor(domain);
            int distinct = new HashSet<>(received.stream().map(MailServer::messageId).toList()).size();
            int duplicates = received.size() - distinct;
            long perSecond = Math.round(distinct * 1000.0 / Math.max(1, wallMs));
            Benchmarks.figure(dispatchers + " dispatchers, batches of " + batch + ": " + sentByDispatchers
                    + " recorded as sent, " + received.size() + " received by the SMTP server");
            Benchmarks.figure("failed or left pending: " + kit.statusesFor(domain).stream().filter(s -> !"SENT".equals(s)).count());
            boolean fastEnough = perSecond >= TARGET_PER_SECOND;
            boolean complete = distinct == messages && duplicates == 0;
            Benchmarks.figure("targets: per_s >= " + TARGET_PER_SECOND + " " + (fastEnough ? "met" : "MISSED") + " ("
                    + perSecond + "), delivered=" + messages + " duplicates=0 " + (complete ? "met" : "MISSED"));
            var figures = Benchmarks.figures();
            figures.put("queued", enqueued);
            figures.put("delivered", distinct);
            figures.put("duplicates", duplicates);
            figures.put("per_s", perSecond);
            figures.put("wall_ms", wallMs);
            figures.put("target_per_s", TARGET_PER_SECOND);
            figures.put("target_met", fastEnough && complete ? "yes" : "no");
            Benchmarks.result("mail-drain", figures);
            assertThat(distinct).isEqualTo(messages);
            assertThat(duplicates).isZero();
        } finally {
            pool.shutdown();
            kit.discard(domain);
        }
    }
}
