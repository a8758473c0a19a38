package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import fr.rdvnumerique.notification.internal.CallReason;
import fr.rdvnumerique.notification.internal.MessageKind;
import fr.rdvnumerique.notification.internal.Outbox;
import fr.rdvnumerique.notification.internal.ShortNotice;
import fr.rdvnumerique.notification.internal.SubjectRef;
import fr.rdvnumerique.notification.mail.Dispatcher;
import fr.rdvnumerique.notification.mail.ManagementLinkIssuer;
import fr.rdvnumerique.notification.sms.BrevoSmsChannel;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.Benchmarks;
import fr.rdvnumerique.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench/run sms-drain}: queue 10,000 text messages (confirmations with a private link) through the outbox,
 * then drain them with two dispatchers side by side (as two instances would) to a local stand-in of Brevo's
 * transactional SMS API on loopback (WireMock answering {@code 201 {"messageId": …}}). Settings:
 * {@code -Dbench.messages=}, {@code -Dbench.dispatchers=}, {@code -Dbench.batch=}, {@code -Dbench.chunk=},
 * {@code -Dbench.parallel=}. Target: at least {@value #TARGET_PER_SECOND} a second, every one delivered, none twice
 * (the provider's requests counted per message, by the tag each request carries).
 */
@IntegrationTest
@Tag("bench")
class SmsDrainBenchmark {

    static final int TARGET_PER_SECOND = 100;
    private static final Pattern TAG = Pattern.compile("\"tag\":\"rdv-([0-9]+)\"");

    @Autowired TerritoryFixtures fixtures;
    @Autowired Outbox outbox;
    @Autowired NotificationTestKit kit;
    @Autowired JdbcTemplate jdbc;

    @Test
    void drains_the_outbox_to_a_local_sms_provider() throws Exception {
        int messages = Benchmarks.intSetting("messages", 10_000);
        int dispatchers = Benchmarks.intSetting("dispatchers", 2);
        int batch = Benchmarks.intSetting("batch", 100);
        int chunk = Benchmarks.intSetting("chunk", 50);
        int parallel = Benchmarks.intSetting("parallel", 16);
        var territory = fixtures.create("Banc SMS");
        Instant start = Instant.now().plus(Duration.ofDays(20));

        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, dispatchers));
        long queueStart = System.nanoTime();
        var counter = new AtomicInteger();
        var queued = new ArrayList<Future<Integer>>();
        for (int t = 0; t < 2; t++) {
            queued.add(pool.submit(() -> {
                int mine = 0;
                for (int i = counter.getAndIncrement(); i < messages; i = counter.getAndIncrement()) {
                    var notice = new ShortNotice(MessageKind.ATELIER_REGISTRATION_CONFIRMED, territory.structureId(),
                            null, SubjectRef.of(TestLinkIssuer.SUBJECT_TYPE, NotificationTestKit.newSubjectId()), 0,
                            "Inscription confirmée : atelier « Découvrir sa tablette », lundi 7 décembre à 14 h 00,"
                                    + " Médiathèque. Détails ou annulation : " + ManagementLinkIssuer.PLACEHOLDER,
                            CallReason.CONFIRMATION, "Confirmer", start, "");
                    if (outbox.enqueueSms(notice, String.format("+337%08d", i), "Personne " + i)) {
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
        Benchmarks.figure("queued " + enqueued + " text messages in " + queueMs + " ms ("
                + Math.round(enqueued * 1000.0 / Math.max(1, queueMs)) + " per second)");

        try (var provider = new SmsProvider(WireMockConfiguration.options().containerThreads(64)
                .asynchronousResponseEnabled(false))) {
            var issuer = new TestLinkIssuer();
            var channels = new ArrayList<BrevoSmsChannel>();
            long drainStart = System.nanoTime();
            var runs = new ArrayList<Future<Integer>>();
            for (int d = 0; d < dispatchers; d++) {
                var channel = new BrevoSmsChannel(provider.settings(Duration.ofSeconds(10), parallel));
                channels.add(channel);
                Dispatcher dispatcher = kit.dispatcher(channel, issuer, batch, chunk);
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
            channels.forEach(BrevoSmsChannel::close);

            var perMessage = new HashMap<String, Integer>();
            var requests = provider.requests();
            for (var request : requests) {
                var m = TAG.matcher(request.getBodyAsString());
                if (m.find()) {
                    perMessage.merge(m.group(1), 1, Integer::sum);
                }
            }
            int distinct = perMessage.size();
            int duplicates = requests.size() - distinct;
            Integer notSent = jdbc.queryForObject("select count(*) from outbound_message where channel = 'SMS'"
                    + " and structure_id = ? and status <> 'SENT'", Integer.class, territory.structureId());
            long perSecond = Math.round(distinct * 1000.0 / Math.max(1, wallMs));
            Benchmarks.figure(dispatchers + " dispatchers, batches of " + batch + ", chunks of " + chunk + ", "
                    + parallel + " requests in flight each: " + sentByDispatchers + " recorded as sent, "
                    + requests.size() + " requests received by the provider");
            Benchmarks.figure("failed or left pending: " + notSent);
            boolean fastEnough = perSecond >= TARGET_PER_SECOND;
            boolean complete = distinct == messages && duplicates == 0 && notSent == 0;
            Benchmarks.figure("targets: per_s >= " + TARGET_PER_SECOND + " " + (fastEnough ? "met" : "MISSED") + " ("
                    + perSecond + "), delivered=" + messages + " duplicates=0 lost=0 " + (complete ? "met" : "MISSED"));
            var figures = Benchmarks.figures();
            figures.put("queued", enqueued);
            figures.put("delivered", distinct);
            figures.put("duplicates", duplicates);
            figures.put("lost", messages - distinct);
            figures.put("per_s", perSecond);
            figures.put("wall_ms", wallMs);
            figures.put("target_per_s", TARGET_PER_SECOND);
            figures.put("target_met", fastEnough && complete ? "yes" : "no");
            Benchmarks.result("sms-drain", figures);
            assertThat(distinct).isEqualTo(messages);
            assertThat(duplicates).isZero();
            assertThat(notSent).isZero();
            assertThat(perSecond).isGreaterThanOrEqualTo(TARGET_PER_SECOND);
        } finally {
            pool.shutdown();
        }
    }
}
