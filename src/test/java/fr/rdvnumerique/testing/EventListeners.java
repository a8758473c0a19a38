package fr.rdvnumerique.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The notification module's listeners run after each commit, on other threads. Tests that assert on what they do,
 * or that count the statements of the whole application (Hibernate statistics), first wait for them to be done.
 */
public final class EventListeners {

    private EventListeners() {
    }

    /** Waits until every event published so far has been handled (a failed one does not count as pending). */
    public static void awaitIdle(JdbcTemplate jdbc) {
        awaitIdle(jdbc, Duration.ofSeconds(30));
    }

    public static void awaitIdle(JdbcTemplate jdbc, Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject("select count(*) from event_publication where completion_date is null"
                        + " and (status is null or status <> 'FAILED')", Integer.class) == 0);
    }
}
