package fr.rdvnumerique.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouterLink;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.ui.StaffHomeView;
import fr.rdvnumerique.notification.NotificationTestKit;
import fr.rdvnumerique.notification.internal.Outbox;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The coordinator's home screen says when their structure's messages have not left for an hour. */
@IntegrationTest
class LateMessagesAlertTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired Outbox outbox;
    @Autowired NotificationTestKit kit;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired fr.rdvnumerique.base.web.RateLimiter limiter;

    TestTerritory territory;
    String domain;

    @BeforeEach
    void setUp() {
        territory = fixtures.create("Bandeau");
        // Only this test's banner: no refusals of other tests' rate limits.
        limiter.reset();
        domain = "b" + NotificationTestKit.newSubjectId() + ".example.org";
    }

    @AfterEach
    void tearDown() {
        kit.discard(domain);
        clock.reset();
        StaffLogin.signOut();
    }

    /** A confirmation queued at this Paris time whose attempts fail (the mail server is away). */
    private void failingSince(int day, int hour, int minute) {
        clock.setParis(2026, 11, day, hour, minute);
        outbox.enqueue(NotificationTestKit.confirmation(territory, NotificationTestKit.newSubjectId(),
                "jeanne@" + domain, clock.instant().plus(Duration.ofDays(5))));
        jdbc.update("update outbound_message set attempts = 2, last_error = 'Serveur d’envoi injoignable'"
                + " where recipient like ?", "%@" + domain);
    }

    private String banner() {
        return $(Div.class).withClassName("staff-alert").single().getElement().getTextRecursively();
    }

    private boolean bannerShown() {
        return $(Div.class).withClassName("staff-alert").exists();
    }

    @Test
    void the_coordinator_reads_since_when_mails_could_not_leave_and_opens_the_outbox() {
        failingSince(24, 10, 0);
        clock.setParis(2026, 11, 24, 11, 30);
        StaffLogin.coordinator(territory.structureId());
        navigate(StaffHomeView.class);

        assertThat(banner()).isEqualTo("Des messages n’ont pas pu partir depuis 10 h 00 : voir Envois");
        assertThat($(Div.class).withClassName("staff-alert").single().getElement().getAttribute("role")).isEqualTo("alert");
        test($(RouterLink.class).from($(Div.class).withClassName("staff-alert").single()).single()).click();
        assertThat(getCurrentView()).isInstanceOf(OutboxView.class);
    }

    @Test
    void since_an_earlier_day_it_says_which_day() {
        failingSince(23, 18, 5);
        clock.setParis(2026, 11, 24, 9, 0);
        StaffLogin.coordinator(territory.structureId());
        navigate(StaffHomeView.class);

        assertThat(banner()).isEqualTo("Des messages n’ont pas pu partir depuis le lundi 23 novembre à 18 h 05 : voir Envois");
    }

    @Test
    void within_the_hour_or_once_sent_there_is_nothing_to_say() {
        failingSince(24, 10, 0);
        clock.setParis(2026, 11, 24, 10, 45);
        StaffLogin.coordinator(territory.structureId());
        navigate(StaffHomeView.class);
        assertThat(bannerShown()).isFalse();

        clock.setParis(2026, 11, 24, 11, 30);
        jdbc.update("update outbound_message set status = 'SENT', sent_at = created_at where recipient like ?", "%@" + domain);
        navigate(StaffHomeView.class);
        assertThat(bannerShown()).isFalse();
    }

    @Test
    void advisors_and_other_structures_coordinators_do_not_see_it() {
        failingSince(24, 10, 0);
        clock.setParis(2026, 11, 24, 11, 30);
        StaffLogin.advisor(territory.structureId(), territory.advisorId());
        navigate(StaffHomeView.class);
        assertThat(bannerShown()).as("an advisor has no outbox screen").isFalse();

        StaffLogin.coordinator(fixtures.create("Bandeau voisin").structureId());
        navigate(StaffHomeView.class);
        assertThat(bannerShown()).isFalse();
    }
}
