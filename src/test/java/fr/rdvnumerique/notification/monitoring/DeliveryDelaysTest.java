package fr.rdvnumerique.notification.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.notification.NotificationTestKit;
import fr.rdvnumerique.notification.internal.Outbox;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** When a structure's messages count as late: the rule behind the coordinators' banner and the health group. */
@IntegrationTest
class DeliveryDelaysTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired Outbox outbox;
    @Autowired NotificationTestKit kit;
    @Autowired DeliveryDelays delays;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    TestTerritory territory;
    String domain;

    @BeforeEach
    void setUp() {
        territory = fixtures.create("Retards");
        domain = "r" + NotificationTestKit.newSubjectId() + ".example.org";
    }

    @AfterEach
    void tearDown() {
        kit.discard(domain);
        clock.reset();
    }

    /** Queues a mail at this Paris time, and plays its first attempt failing (the mail server is away). */
    private long failingSince(TestTerritory of, int day, int hour, int minute) {
        clock.setParis(2026, 11, day, hour, minute);
        outbox.enqueue(NotificationTestKit.confirmation(of, NotificationTestKit.newSubjectId(),
                "personne" + NotificationTestKit.newSubjectId() + "@" + domain, clock.instant().plus(Duration.ofDays(5))));
        long id = jdbc.queryForObject("select max(id) from outbound_message where recipient like ?", Long.class, "%@" + domain);
        jdbc.update("update outbound_message set attempts = 1, last_error = 'Serveur d’envoi injoignable',"
                + " next_attempt_at = date_add(next_attempt_at, interval 1 minute) where id = ?", id);
        return id;
    }

    private static Instant paris(int day, int hour, int minute) {
        return ZonedDateTime.of(LocalDateTime.of(2026, 11, day, hour, minute), ParisTime.ZONE).toInstant();
    }

    @Test
    void a_mail_that_cannot_leave_is_late_an_hour_after_it_was_queued() {
        failingSince(territory, 24, 10, 0);
        clock.setParis(2026, 11, 24, 10, 59);
        assertThat(delays.late(territory.structureId())).isEmpty();
        clock.setParis(2026, 11, 24, 11, 1);
        assertThat(delays.late(territory.structureId())).contains(new DeliveryDelays.Late(1, paris(24, 10, 0)));
    }

    @Test
    void the_oldest_late_message_says_since_when_and_one_that_left_no_longer_counts() {
        long first = failingSince(territory, 24, 10, 0);
        failingSince(territory, 24, 10, 20);
        clock.setParis(2026, 11, 24, 11, 30);
        assertThat(delays.late(territory.structureId())).contains(new DeliveryDelays.Late(2, paris(24, 10, 0)));

        jdbc.update("update outbound_message set status = 'SENT', sent_at = created_at where id = ?", first);
        assertThat(delays.late(territory.structureId())).contains(new DeliveryDelays.Late(1, paris(24, 10, 20)));
        jdbc.update("update outbound_message set status = 'SENT', sent_at = created_at where recipient like ?", "%@" + domain);
        assertThat(delays.late(territory.structureId())).isEmpty();
    }

    @Test
    void a_message_given_up_keeps_the_alert_for_a_day() {
        long id = failingSince(territory, 24, 10, 0);
        jdbc.update("update outbound_message set status = 'FAILED', attempts = 6 where id = ?", id);
        clock.setParis(2026, 11, 24, 11, 1);
        assertThat(delays.late(territory.structureId())).isPresent();
        clock.setParis(2026, 11, 25, 9, 59);
        assertThat(delays.late(territory.structureId())).isPresent();
        clock.setParis(2026, 11, 25, 10, 1);
        assertThat(delays.late(territory.structureId())).isEmpty();
    }

    @Test
    void a_reminder_that_only_waits_for_the_morning_is_not_late_at_night() {
        long id = failingSince(territory, 24, 19, 50);
        jdbc.update("update outbound_message set kind = 'REMINDER', attempts = 0, last_error = null where id = ?", id);
        clock.setParis(2026, 11, 24, 23, 0);
        assertThat(delays.late(territory.structureId())).as("held by the quiet hours").isEmpty();
        clock.setParis(2026, 11, 25, 8, 30);
        assertThat(delays.late(territory.structureId())).as("the morning came and it did not leave")
                .contains(new DeliveryDelays.Late(1, paris(24, 19, 50)));
    }

    @Test
    void another_structures_messages_are_none_of_this_ones_business() {
        var other = fixtures.create("Retards voisins");
        failingSince(other, 24, 10, 0);
        clock.setParis(2026, 11, 24, 12, 0);
        assertThat(delays.late(territory.structureId())).isEmpty();
        assertThat(delays.late(other.structureId())).isPresent();
    }
}
