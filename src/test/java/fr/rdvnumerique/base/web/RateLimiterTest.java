package fr.rdvnumerique.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.rdvnumerique.base.domain.Origin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import fr.rdvnumerique.testing.IntegrationTest;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Limits in the database, shared by every node: a second limiter on the same database sees the same allowance. */
@IntegrationTest
class RateLimiterTest {

    @Autowired DataSource dataSource;

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-03-05T14:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    RateLimiter limiter;
    RateLimiter otherNode;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        limiter = new RateLimiter(meters, clock, new SharedBuckets(dataSource, clock), JdbcClient.create(dataSource));
        otherNode = new RateLimiter(new SimpleMeterRegistry(), clock, new SharedBuckets(dataSource, clock),
                JdbcClient.create(dataSource));
        limiter.reset();
        logs.start();
        ((Logger) LoggerFactory.getLogger(RateLimiter.class)).addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger(RateLimiter.class)).detachAppender(logs);
    }

    @Test
    void a_public_computer_books_for_an_afternoon_of_residents_before_its_address_is_held() {
        Origin libraryPc = Origin.web("203.0.113.10");
        for (int i = 0; i < 60; i++) {
            // Half through each node: one allowance for both.
            assertThat((i % 2 == 0 ? limiter : otherNode).tryAcquire("appointment.book", libraryPc, 60, 60))
                    .as("booking %d", i + 1).isTrue();
        }
        assertThat(limiter.tryAcquire("appointment.book", libraryPc, 60, 60)).isFalse();
        assertThat(otherNode.tryAcquire("appointment.book", libraryPc, 60, 60)).isFalse();
        assertThat(jdbc().sql("select id from rate_limit_bucket").query(String.class).list())
                .as("no address in the database").noneMatch(id -> id.contains("203.0.113"));
        // An hour later the allowance is back.
        now.set(now.get().plus(Duration.ofMinutes(61)));
        assertThat(otherNode.tryAcquire("appointment.book", libraryPc, 60, 60)).isTrue();
        // Another address, a kiosk and staff are counted apart (or not at all).
        assertThat(limiter.tryAcquire("appointment.book", Origin.web("203.0.113.11"), 60, 60)).isTrue();
        assertThat(limiter.tryAcquire("appointment.book", Origin.kiosk("7"), 60, 60)).isTrue();
        assertThat(limiter.tryAcquire("appointment.book", Origin.staff(), 60, 60)).isTrue();
    }

    @Test
    void a_tripped_limit_is_logged_once_without_the_address_and_counted_for_the_staff() {
        Origin origin = Origin.web("198.51.100.23");
        assertThat(limiter.tryAcquire("atelier.register", origin, 2, 60)).isTrue();
        assertThat(limiter.tryAcquire("atelier.register", origin, 2, 60)).isTrue();
        assertThat(limiter.tryAcquire("atelier.register", origin, 2, 60)).isFalse();
        assertThat(limiter.tryAcquire("atelier.register", origin, 2, 60)).isFalse();
        assertThat(limiter.tryAcquire("atelier.register", Origin.kiosk("3"), 60, 1)).isTrue();
        assertThat(limiter.tryAcquire("atelier.register", Origin.kiosk("3"), 60, 1)).isFalse();

        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Rate limit reached: atelier.register refused for a web origin after 2 in an hour",
                "Rate limit reached: atelier.register-kiosk refused for a kiosk origin after 1 in an hour");
        assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains("198.51.100.23"));
        assertThat(limiter.refusedRequests()).isEqualTo(3);
        assertThat(otherNode.refusedRequests()).as("whichever node refused them").isEqualTo(3);
        assertThat(meters.counter("rdv.rate.limit.refusals", "purpose", "atelier.register").count()).isEqualTo(2.0);

        // A day later the staff home no longer mentions them.
        now.set(now.get().plus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(limiter.refusedRequests()).isZero();
        limiter.forgetOldRefusals();
        assertThat(jdbc().sql("select count(*) from rate_limit_refusal").query(Integer.class).single()).isZero();
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}
