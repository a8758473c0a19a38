package fr.rdvnumerique.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.notification.ReminderActivity;
import fr.rdvnumerique.notification.Reminders;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ReminderSettingsViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired Reminders reminders;

    TestTerritory territory;

    @BeforeEach
    void signIn() {
        territory = fixtures.create("Vue rappels");
        StaffLogin.coordinator(territory.structureId());
    }

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    @Test
    void a_coordinator_changes_the_reminders_before_appointments() {
        navigate(ReminderSettingsView.class);
        assertThat($(TextField.class).id("offsets-atelier").getValue()).isEqualTo("48, 24");
        test($(TextField.class).id("offsets-appointment")).setValue("24, 3");
        test($(Button.class).id("save-appointment")).click();
        assertThat(reminders.offsetsFor(territory.structureId(), ReminderActivity.APPOINTMENT, null))
                .containsExactly(Duration.ofHours(24), Duration.ofHours(3));
    }

    @Test
    void a_wrong_value_is_explained_next_to_the_field_and_nothing_changes() {
        navigate(ReminderSettingsView.class);
        var field = $(TextField.class).id("offsets-appointment");
        test(field).setValue("demain matin");
        test($(Button.class).id("save-appointment")).click();
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).startsWith("Écrivez des nombres d’heures");
        assertThat(reminders.offsetsFor(territory.structureId(), ReminderActivity.APPOINTMENT, null))
                .containsExactly(Duration.ofHours(48));
    }
}
