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

class RateLimiterTest {

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
    final RateLimiter limiter = new RateLimiter(meters, clock);
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
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
            assertThat(limiter.tryAcquire("appointment.book", libraryPc, 60, 60)).as("booking %d", i + 1).isTrue();
        }
        assertThat(limiter.tryAcquire("appointment.book", libraryPc, 60, 60)).isFalse();
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
        assertThat(meters.counter("rdv.rate.limit.refusals", "purpose", "atelier.register").count()).isEqualTo(2.0);

        // A day later the staff home no longer mentions them.
        now.set(now.get().plus(Duration.ofHours(24)).plusSeconds(1));
        assertThat(limiter.refusedRequests()).isZero();
    }
}
