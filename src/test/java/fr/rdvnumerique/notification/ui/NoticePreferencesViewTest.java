package fr.rdvnumerique.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.notification.NotificationTestKit;
import fr.rdvnumerique.notification.internal.CalendarFeeds;
import fr.rdvnumerique.notification.internal.NoticeMode;
import fr.rdvnumerique.notification.internal.StaffNoticePreferences;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class NoticePreferencesViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired NotificationTestKit kit;
    @Autowired StaffNoticePreferences preferences;
    @Autowired CalendarFeeds feeds;

    TestTerritory territory;

    @BeforeEach
    void setUp() {
        territory = fixtures.create("Vue préférences");
    }

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    private void signInAsAdvisor() {
        var principal = StaffLogin.as(territory.structureId(), territory.advisorId(), Role.ADVISOR);
        kit.staffAccount(principal.accountId(), territory.structureId(), territory.advisorId(),
                "conseil" + principal.accountId() + "@preferences.example.org", "ADVISOR");
    }

    @Test
    void an_advisor_chooses_every_event_and_makes_then_revokes_the_address_of_their_agenda() {
        signInAsAdvisor();
        navigate(NoticePreferencesView.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<NoticeMode> mode = $(RadioButtonGroup.class).id("notice-mode");
        assertThat(mode.getValue()).isEqualTo(NoticeMode.DAILY_DIGEST);
        test(mode).selectItem("Un message à chaque réservation ou annulation");
        test($(Button.class).id("notice-mode-save")).click();
        assertThat(preferences.mine()).isEqualTo(NoticeMode.EVERY_EVENT);

        test($(Button.class).id("feed-create")).click();
        String address = $(TextField.class).id("feed-address").getValue();
        assertThat(address).contains("/public/feeds/conseiller/").endsWith(".ics");
        String token = address.substring(address.lastIndexOf('/') + 1, address.length() - 4);
        assertThat(feeds.advisorCalendar(token)).isPresent();

        navigate(NoticePreferencesView.class);
        assertThat($(TextField.class).withId("feed-address").all()).as("shown once only").isEmpty();
        test($(Button.class).id("feed-revoke")).click();
        assertThat(feeds.advisorCalendar(token)).isEmpty();
    }

    @Test
    void a_coordinator_who_is_not_an_advisor_has_no_agenda_address() {
        var principal = StaffLogin.coordinator(territory.structureId());
        kit.staffAccount(principal.accountId(), territory.structureId(), null,
                "coord" + principal.accountId() + "@preferences.example.org", "COORDINATOR");
        navigate(NoticePreferencesView.class);
        assertThat($(Div.class).withId("feed-panel").all()).isEmpty();
        assertThat($(RadioButtonGroup.class).withId("notice-mode").all()).hasSize(1);
    }
}
