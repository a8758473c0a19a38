package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import fr.rdvnumerique.base.db.UtcColumns;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.notification.domain.StaffNote;
import fr.rdvnumerique.notification.domain.StaffNote.Code;
import fr.rdvnumerique.notification.internal.DeliveryResult;
import fr.rdvnumerique.notification.internal.DeliveryStatus;
import fr.rdvnumerique.notification.internal.MailSettings;
import fr.rdvnumerique.notification.internal.NotificationChannel;
import fr.rdvnumerique.notification.internal.Outbox;
import fr.rdvnumerique.notification.internal.OutboxService;
import fr.rdvnumerique.notification.internal.OutgoingMessage;
import fr.rdvnumerique.notification.mail.Dispatcher;
import fr.rdvnumerique.notification.mail.EmailChannel;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.SnapshotIsolation;
import fr.rdvnumerique.testing.TestClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.access.AccessDeniedException;

/**
 * Nothing lost, nothing twice: SMTP outages, restarts, two instances on one database, backoff, "Renvoyer".
 * Each test writes to addresses of its own domain (the database is shared with other tests).
 */
@IntegrationTest
class DeliveryTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired Outbox outbox;
    @Autowired OutboxService outboxService;
    @Autowired NotificationTestKit kit;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired MailSettings mail;
    @Autowired List<fr.rdvnumerique.base.retention.PersonalDataHolder> holders;

    TestTerritory territory;
    MailServer server;
    final TestLinkIssuer issuer = new TestLinkIssuer();
    String domain;
    boolean snapshotIsolation;

    @BeforeEach
    void setUp() {
        territory = fixtures.create("Envois");
        server = new MailServer();
        domain = "d" + NotificationTestKit.newSubjectId() + ".example.org";
        clock.setParis(2026, 11, 23, 10, 0);
        snapshotIsolation = SnapshotIsolation.current(dataSource);
    }

    @AfterEach
    void tearDown() {
        kit.discard(domain);
        server.close();
        clock.reset();
        StaffLogin.signOut();
        SnapshotIsolation.set(dataSource, snapshotIsolation);
    }

    private List<Long> enqueue(int count) {
        var ids = new ArrayList<Long>();
        Instant start = clock.instant().plus(Duration.ofDays(10));
        for (int i = 0; i < count; i++) {
            // One booking, one transaction: this is all the booking's own transaction does for mail.
            assertThat(outbox.enqueue(NotificationTestKit.confirmation(territory, NotificationTestKit.newSubjectId(),
                    "personne" + i + "@" + domain, start))).isTrue();
        }
        ids.addAll(kit.idsFor(domain));
        return ids;
    }

    private void assertEachReceivedOnce(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> server.receivedFor(domain).size() >= count);
        var received = server.receivedFor(domain);
        assertThat(received).hasSize(count);
        assertThat(new HashSet<>(received.stream().map(MailServer::messageId).toList())).hasSize(count);
        assertThat(kit.statusesFor(domain)).hasSize(count).containsOnly("SENT");
    }

    @Test
    void an_smtp_outage_loses_nothing_and_after_a_restart_each_mail_leaves_once() throws Exception {
        enqueue(20);
        Dispatcher beforeOutage = kit.dispatcher(server, issuer, 7);

        beforeOutage.runOnce(); // nothing listens on the port
        assertThat(kit.statusesFor(domain)).hasSize(20).containsOnly("PENDING");
        assertThat(kit.attemptsFor(domain)).containsOnly(1);
        assertThat(jdbc.queryForList("select last_error from outbound_message where recipient like ?", String.class,
                "%@" + domain)).allSatisfy(error -> assertThat(StaffNote.parse(error).code()).isEqualTo(Code.MAIL_SERVER_UNREACHABLE));
        beforeOutage.runOnce();
        assertThat(kit.attemptsFor(domain)).as("next attempt in a minute, not now").containsOnly(1);

        server.start();
        clock.advance(Duration.ofMinutes(1));
        // "Restart": new dispatchers with no memory, two of them at once on the same database.
        runConcurrently(kit.dispatcher(server, issuer, 7), kit.dispatcher(server, issuer, 7));

        assertEachReceivedOnce(20);
        assertThat(kit.attemptsFor(domain)).containsOnly(2);
    }

    @ParameterizedTest(name = "innodb_snapshot_isolation={0}")
    @ValueSource(booleans = {true, false})
    void two_dispatchers_on_one_database_send_each_message_once(boolean snapshot) throws Exception {
        SnapshotIsolation.set(dataSource, snapshot);
        enqueue(60);
        server.start();

        runConcurrently(kit.dispatcher(server, issuer, 5), kit.dispatcher(server, issuer, 5));

        assertEachReceivedOnce(60);
        assertThat(kit.attemptsFor(domain)).as("no message was claimed twice").containsOnly(1);
    }

    @Test
    void a_message_whose_sender_died_while_sending_goes_out_once_its_lease_expires() {
        enqueue(3);
        // As if an instance had claimed them and stopped before recording anything.
        jdbc.update("update outbound_message set status = 'SENDING', lease_owner = 'arrete', lease_until = ?, attempts = 1"
                + " where recipient like ?", UtcColumns.toDb(clock.instant().plus(Duration.ofMinutes(10))), "%@" + domain);
        server.start();
        Dispatcher dispatcher = kit.dispatcher(server, issuer);

        dispatcher.runOnce();
        assertThat(server.receivedFor(domain)).as("the lease still holds").isEmpty();

        clock.advance(Duration.ofMinutes(11));
        dispatcher.runOnce();
        assertEachReceivedOnce(3);
        assertThat(kit.attemptsFor(domain)).containsOnly(2);
    }

    @Test
    void a_sender_killed_in_the_middle_of_a_chunk_has_recorded_what_left_and_the_rest_goes_out_once() {
        enqueue(20);
        server.start();
        var email = new EmailChannel(server.sender(), mail, clock);
        var told = new AtomicInteger();
        // The node dies (an Error nothing catches) right after the server accepted the 7th mail of the chunk and the
        // dispatcher recorded it: the 13 others were claimed but never sent.
        NotificationChannel dying = around(email, (batch, each) -> email.deliver(batch, result -> {
            each.accept(result);
            if (told.incrementAndGet() == 7) {
                throw new KilledNode();
            }
        }));
        assertThatThrownBy(() -> kit.dispatcher(dying, issuer, 100).runOnce()).isInstanceOf(KilledNode.class);
        assertThat(kit.statusesFor(domain)).as("each mail recorded as it left, not at the chunk's end")
                .filteredOn("SENT"::equals).hasSize(7);

        clock.advance(Duration.ofMinutes(11));
        kit.dispatcher(server, issuer).runOnce();
        assertEachReceivedOnce(20);
    }

    @Test
    void a_mail_the_server_took_is_recorded_at_once_even_when_no_pooled_connection_is_free() throws Exception {
        enqueue(5);
        server.start();
        var email = new EmailChannel(server.sender(), mail, clock);
        var pool = dataSource.unwrap(HikariDataSource.class).getHikariConfigMXBean();
        long timeout = pool.getConnectionTimeout();
        var statusesWhenTold = new ArrayList<List<String>>();
        // Between the server's answer and the record, a sender killed in the gap sends the mail twice: the record
        // must not wait there for the pool, which the portal's requests may have taken (20 connections, 200 threads).
        NotificationChannel busyPool = around(email, (batch, each) -> {
            List<Connection> taken = everyPooledConnection(pool);
            try {
                return email.deliver(batch, result -> {
                    each.accept(result);
                    statusesWhenTold.add(statusesOn(taken.getFirst()));
                });
            } finally {
                pool.setConnectionTimeout(timeout);
                taken.forEach(DeliveryTest::close);
            }
        });

        kit.dispatcher(busyPool, issuer, 100).runOnce();

        assertThat(statusesWhenTold).as("after the n-th answer, n mails are recorded as sent")
                .extracting(statuses -> statuses.stream().filter("SENT"::equals).count())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertEachReceivedOnce(5);
        assertThat(kit.statusesFor(domain)).containsOnly("SENT");
    }

    /**
     * Takes every connection the pool has left, waiting no more than 250 ms for one. The short wait stays until the
     * caller gives the connections back, so that a record waiting for the pool fails at once instead of after 30 s.
     */
    private List<Connection> everyPooledConnection(HikariConfigMXBean pool) {
        var taken = new ArrayList<Connection>();
        pool.setConnectionTimeout(250);
        try {
            while (true) {
                taken.add(dataSource.getConnection());
            }
        } catch (SQLException poolEmpty) {
            return taken;
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The e-mail channel, with {@code delivery} instead of its chunk delivery: what happens around the server. */
    private static NotificationChannel around(EmailChannel email, ChunkDelivery delivery) {
        return new NotificationChannel() {
            @Override
            public String name() {
                return EmailChannel.NAME;
            }

            @Override
            public List<DeliveryResult> deliver(List<OutgoingMessage> batch) {
                return email.deliver(batch);
            }

            @Override
            public List<DeliveryResult> deliver(List<OutgoingMessage> batch, Consumer<DeliveryResult> each) {
                return delivery.deliver(batch, each);
            }
        };
    }

    private interface ChunkDelivery {
        List<DeliveryResult> deliver(List<OutgoingMessage> batch, Consumer<DeliveryResult> each);
    }

    private List<String> statusesOn(Connection connection) {
        return new JdbcTemplate(new SingleConnectionDataSource(connection, true)).queryForList(
                "select status from outbound_message where recipient like ? order by id", String.class, "%@" + domain);
    }

    /** A node stopped by {@code kill -9}: nothing after this point runs. */
    private static final class KilledNode extends Error {
    }

    @Test
    void failures_back_off_1_5_30_120_360_minutes_then_the_message_fails_and_renvoyer_sends_it() {
        long id = enqueue(1).getFirst();
        Dispatcher dispatcher = kit.dispatcher(server, issuer);
        long[] waits = {1, 5, 30, 120, 360};
        for (long wait : waits) {
            Instant before = clock.instant();
            dispatcher.runOnce();
            assertThat(status(id)).isEqualTo("PENDING");
            assertThat(nextAttempt(id)).isEqualTo(before.plus(Duration.ofMinutes(wait)));
            clock.advance(Duration.ofMinutes(wait).minusSeconds(1));
            int attempts = kit.attemptsFor(domain).getFirst();
            dispatcher.runOnce();
            assertThat(kit.attemptsFor(domain)).as("not before its time").containsExactly(attempts);
            clock.advance(Duration.ofSeconds(1));
        }
        dispatcher.runOnce();
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(kit.attemptsFor(domain)).containsExactly(6);

        StaffLogin.coordinator(territory.structureId());
        assertThat(outboxService.list(DeliveryStatus.FAILED, Pageable.ofSize(50)).getContent())
                .filteredOn(row -> row.id() == id).singleElement()
                .satisfies(row -> {
                    assertThat(row.lastError().code()).isEqualTo(Code.MAIL_SERVER_UNREACHABLE);
                    assertThat(String.join(" ", row.lastError().arguments())).doesNotContain("\tat ");
                });
        assertThat(outboxService.resend(id)).isEqualTo(id);
        assertThat(status(id)).isEqualTo("PENDING");
        server.start();
        dispatcher.runOnce();
        assertEachReceivedOnce(1);

        // "Renvoyer" on a sent message: a new copy with its own Message-ID; the original stays in the history.
        long copy = outboxService.resend(id);
        assertThat(copy).isNotEqualTo(id);
        dispatcher.runOnce();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.receivedFor(domain).size() == 2);
        assertThat(server.receivedFor(domain).stream().map(MailServer::messageId).distinct()).hasSize(2);
        assertThat(status(id)).isEqualTo("SENT");
        assertThat(status(copy)).isEqualTo("SENT");
        assertThat(issuer.tokensOf(subjectOf(id))).as("a fresh private link each time").hasSize(2).doesNotHaveDuplicates();

        StaffLogin.coordinator(fixtures.create("Autre structure").structureId());
        assertThatThrownBy(() -> outboxService.resend(id)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_dispatcher_slowed_past_its_lease_sends_nothing_that_another_took_back() {
        enqueue(60);
        server.start();
        Dispatcher other = kit.dispatcher(server, issuer, 100);
        var email = new EmailChannel(server.sender(), mail, clock);
        var chunks = new AtomicInteger();
        // A mail server so slow that each chunk of 20 takes 6 minutes: after the second chunk the lease (10 min) of
        // the messages still waiting in this dispatcher's batch has run out, and another instance takes them back.
        NotificationChannel slow = new NotificationChannel() {
            @Override
            public String name() {
                return EmailChannel.NAME;
            }

            @Override
            public List<DeliveryResult> deliver(List<OutgoingMessage> batch) {
                var results = email.deliver(batch);
                clock.advance(Duration.ofMinutes(6));
                if (chunks.incrementAndGet() == 2) {
                    other.runOnce();
                }
                return results;
            }
        };
        kit.dispatcher(slow, issuer, 100).runOnce();

        assertEachReceivedOnce(60);
        assertThat(kit.attemptsFor(domain)).as("some were taken back and sent by the other").contains(1, 2);
    }

    @Test
    void a_message_nobody_can_make_a_link_for_fails_at_once_with_the_reason() {
        long id = enqueue(1).getFirst();
        server.start();
        kit.dispatcher(server, new TestLinkIssuer() {
            @Override
            public boolean supports(String subjectType) {
                return false;
            }
        }).runOnce();
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(StaffNote.parse(jdbc.queryForObject("select last_error from outbound_message where id = ?",
                String.class, id))).isEqualTo(StaffNote.of(Code.LINK_NO_ISSUER, "TEST_BOOKING"));
        assertThat(server.receivedFor(domain)).isEmpty();
    }

    @Test
    void sent_and_failed_messages_leave_the_outbox_after_the_retention_period_pending_ones_stay() {
        var ids = enqueue(3);
        long sent = ids.get(0);
        long failed = ids.get(1);
        long pending = ids.get(2);
        jdbc.update("update outbound_message set status = 'SENT', attempts = 1, sent_at = created_at where id = ?", sent);
        jdbc.update("update outbound_message set status = 'FAILED', attempts = 6 where id = ?", failed);
        clock.advance(Duration.ofDays(10));
        StaffLogin.coordinator(territory.structureId());
        long copy = outboxService.resend(sent);
        var holder = holders.stream().filter(h -> h.name().equals("messages")).findFirst().orElseThrow();

        assertThat(holder.anonymiseEndedBefore(clock.instant().minus(Duration.ofDays(5)))).isGreaterThanOrEqualTo(2);

        assertThat(kit.idsFor(domain)).containsExactlyInAnyOrder(pending, copy);
        assertThat(jdbc.queryForObject("select resend_of from outbound_message where id = ?", Long.class, copy))
                .as("the newer copy stays, without its original").isNull();
    }

    private void runConcurrently(Dispatcher first, Dispatcher second) throws Exception {
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var results = new ArrayList<Future<Dispatcher.Report>>();
            for (Dispatcher dispatcher : List.of(first, second)) {
                Callable<Dispatcher.Report> run = () -> {
                    barrier.await();
                    return dispatcher.runOnce();
                };
                results.add(pool.submit(run));
            }
            for (var result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private String status(long id) {
        return jdbc.queryForObject("select status from outbound_message where id = ?", String.class, id);
    }

    private long subjectOf(long id) {
        return jdbc.queryForObject("select subject_id from outbound_message where id = ?", Long.class, id);
    }

    private Instant nextAttempt(long id) {
        return UtcColumns.fromDb(jdbc.queryForObject("select next_attempt_at from outbound_message where id = ?",
                LocalDateTime.class, id));
    }
}
