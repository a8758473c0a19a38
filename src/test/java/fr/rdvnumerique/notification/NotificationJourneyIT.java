package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.security.StaffAccountProvisioning;
import fr.rdvnumerique.notification.internal.Outbox;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.BrowserTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The notification screens in a real browser: late messages banner, outbox, reminder settings, my notifications; accessible. */
class NotificationJourneyIT extends BrowserTest {

    static final String PASSWORD = "mot de passe du test";

    @Autowired TerritoryFixtures fixtures;
    @Autowired StaffAccountProvisioning accounts;
    @Autowired TransactionTemplate transactions;
    @Autowired Outbox outbox;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_coordinator_follows_the_outbox_and_an_advisor_subscribes_to_their_agenda() {
        var territory = fixtures.create("Parcours envois");
        String coordinator = "coordination@" + territory.slug() + ".example.org";
        String advisor = "conseil@" + territory.slug() + ".example.org";
        transactions.executeWithoutResult(s -> {
            accounts.provision(coordinator, "Dominique Envois", PASSWORD, EnumSet.of(Role.COORDINATOR),
                    territory.structureId(), null);
            accounts.provision(advisor, "Camille Envois", PASSWORD, EnumSet.of(Role.ADVISOR), territory.structureId(),
                    territory.advisorId());
        });
        Instant start = Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String domain = territory.slug() + ".example.org";
        for (String name : new String[] {"jeanne.martin", "paul.durand", "lea.bernard"}) {
            outbox.enqueue(NotificationTestKit.confirmation(territory, NotificationTestKit.newSubjectId(),
                    name + "@" + domain, start));
        }
        jdbc.update("update outbound_message set status = 'SENT', attempts = 1, sent_at = created_at where recipient = ?",
                "jeanne.martin@" + domain);
        jdbc.update("update outbound_message set status = 'FAILED', attempts = 6, last_error = ? where recipient = ?",
                "Serveur d’envoi injoignable (Connection refused)", "paul.durand@" + domain);
        jdbc.update("update outbound_message set attempts = 2, next_attempt_at = date_add(created_at, interval 5 minute),"
                + " last_error = ? where recipient = ?", "Serveur d’envoi injoignable (Connection refused)",
                "lea.bernard@" + domain);
        long failed = jdbc.queryForObject("select id from outbound_message where recipient = ?", Long.class,
                "paul.durand@" + domain);

        // Léa's confirmation has been failing for two hours: the coordinator's home screen says so first.
        jdbc.update("update outbound_message set created_at = date_sub(created_at, interval 2 hour) where recipient = ?",
                "lea.bernard@" + domain);

        signIn(coordinator, PASSWORD);
        waitForText("Des messages n’ont pas pu partir depuis");
        screenshot("00-home-late-messages");
        assertAccessible("home with the late messages banner");
        open("staff/envois");
        waitForText("paul.durand@");
        screenshot("01-outbox");
        assertAccessible("outbox");
        click("resend-" + failed);
        waitForText("va repartir");
        assertThat(jdbc.queryForObject("select status from outbound_message where id = ?", String.class, failed))
                .isEqualTo("PENDING");

        open("staff/rappels");
        waitFor(By.id("offsets-appointment"));
        screenshot("02-reminder-settings");
        assertAccessible("reminder settings");

        signOut();
        signIn(advisor, PASSWORD);
        open("staff/mes-notifications");
        click("feed-create");
        waitFor(By.id("feed-address"));
        screenshot("03-my-notifications");
        assertAccessible("my notifications");
    }
}
