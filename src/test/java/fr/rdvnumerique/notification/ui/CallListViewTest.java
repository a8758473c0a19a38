package fr.rdvnumerique.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.atelier.RegistrationRequest;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.notification.NotificationTestKit;
import fr.rdvnumerique.notification.internal.CallStatus;
import fr.rdvnumerique.notification.internal.CallTask;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** « À appeler » through the screen: an advisor sees their calls, marks one « Appelé » and one « Pas de réponse ». */
@IntegrationTest
class CallListViewTest extends SpringBrowserlessTest {

    @Autowired AtelierFixtures ateliers;
    @Autowired RegistrationService registrations;
    @Autowired NotificationTestKit kit;
    @Autowired RateLimiter limiter;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    TestAtelier atelier;

    @BeforeEach
    void setUp() {
        clock.setParis(2026, 11, 30, 9, 0);
        limiter.reset();
        atelier = ateliers.create("Appels", 4);
        for (String first : new String[] {"Odette", "Lucien"}) {
            long n = NotificationTestKit.newSubjectId() % 1_000_000;
            registrations.register(RegistrationRequest.simple(atelier.sessionId(), first, "Bernard", null,
                    String.format("03 83 %02d %02d %02d", n / 10_000, (n / 100) % 100, n % 100), AtelierFixtures.web()));
        }
        kit.awaitEvents();
        StaffLogin.advisor(atelier.territory().structureId(), atelier.territory().advisorId());
    }

    @AfterEach
    void tearDown() {
        StaffLogin.signOut();
        clock.reset();
    }

    @SuppressWarnings("unchecked")
    private Grid<CallTask> grid() {
        return $(Grid.class).id("calls-grid");
    }

    private static Button button(com.vaadin.flow.component.Component actions, String id) {
        return actions.getChildren().filter(c -> c.getId().orElse("").equals(id)).map(Button.class::cast)
                .findFirst().orElseThrow();
    }

    private String status(long id) {
        return jdbc.queryForObject("select status from call_task where id = ?", String.class, id);
    }

    @Test
    void an_advisor_marks_one_call_made_and_one_without_answer() {
        navigate(CallListView.class);
        var rows = test(grid());
        assertThat(rows.size()).isEqualTo(2);
        // Both calls are due before the same session: either may come first.
        int first = rows.getRow(0).personName().equals("Odette Bernard") ? 0 : 1;
        CallTask odette = rows.getRow(first);
        CallTask lucien = rows.getRow(1 - first);
        assertThat(odette.personName()).isEqualTo("Odette Bernard");
        assertThat(lucien.personName()).isEqualTo("Lucien Bernard");
        assertThat(rows.getCellText(first, 0)).isEqualTo("lun. 7 déc. 14 h 00");
        assertThat(odette.what()).startsWith("Confirmer sa place à l’atelier « Découvrir sa tablette Appels »");

        test(button(rows.getCellComponent(first, 4), "call-done-" + odette.id())).click();
        assertThat(status(odette.id())).isEqualTo("CALLED");
        assertThat(jdbc.queryForObject("select outcome_by from call_task where id = ?", String.class, odette.id()))
                .startsWith("Personne ");
        assertThat(rows.size()).as("a call made leaves the list").isEqualTo(1);

        test(button(rows.getCellComponent(0, 4), "call-no-answer-" + lucien.id())).click();
        assertThat(status(lucien.id())).isEqualTo("NO_ANSWER");
        assertThat(rows.size()).as("no answer: still to call").isEqualTo(1);
        assertThat(rows.getRow(0).status()).isEqualTo(CallStatus.NO_ANSWER);
        assertThat(rows.getRow(0).attempts()).isEqualTo(1);

        test((Checkbox) $(Checkbox.class).id("calls-show-done")).click();
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.getCellText(1, 3)).contains("Appelé", "Noté par Personne");
    }
}
