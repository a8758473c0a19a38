package fr.rdvnumerique.notification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.notification.NotificationTestKit;
import fr.rdvnumerique.notification.domain.StaffNote;
import fr.rdvnumerique.notification.domain.StaffNote.Code;
import fr.rdvnumerique.notification.internal.Outbox;
import fr.rdvnumerique.notification.internal.OutboxRow;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class OutboxViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired Outbox outbox;
    @Autowired NotificationTestKit kit;
    @Autowired JdbcTemplate jdbc;

    TestTerritory territory;
    String domain;
    List<Long> ids;

    @BeforeEach
    void setUp() {
        territory = fixtures.create("Vue envois");
        domain = "v" + NotificationTestKit.newSubjectId() + ".example.org";
        Instant start = Instant.now().plus(10, ChronoUnit.DAYS);
        outbox.enqueue(NotificationTestKit.confirmation(territory, NotificationTestKit.newSubjectId(), "jeanne@" + domain, start));
        outbox.enqueue(NotificationTestKit.confirmation(territory, NotificationTestKit.newSubjectId(), "paul@" + domain, start));
        ids = kit.idsFor(domain);
        // Written by a version that stored the French sentence itself: it is shown as it is.
        jdbc.update("update outbound_message set status = 'FAILED', attempts = 6, last_error = 'Serveur d’envoi injoignable'"
                + " where id = ?", ids.getFirst());
        StaffLogin.coordinator(territory.structureId());
    }

    @AfterEach
    void tearDown() {
        StaffLogin.signOut();
        kit.discard(domain);
    }

    @SuppressWarnings("unchecked")
    private Grid<OutboxRow> grid() {
        return $(Grid.class).id("outbox-grid");
    }

    @Test
    void a_coordinator_sees_their_messages_filters_the_failed_ones_and_sends_one_again() {
        navigate(OutboxView.class);
        var rows = test(grid());
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.getRow(0).recipient()).isEqualTo("paul@" + domain);
        assertThat(rows.getCellText(0, 3)).isEqualTo("En attente");

        test((Select<?>) $(Select.class).id("outbox-filter")).selectItem("Échec");
        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.getCellText(0, 4)).isEqualTo("Échec après 6 essais : Serveur d’envoi injoignable");

        var actions = rows.getCellComponent(0, 5);
        Button resend = (Button) actions.getChildren().findFirst().orElseThrow();
        assertThat(resend.getId()).contains("resend-" + ids.getFirst());
        test(resend).click();
        assertThat(jdbc.queryForObject("select status from outbound_message where id = ?", String.class, ids.getFirst()))
                .isEqualTo("PENDING");
        assertThat(rows.size()).as("no longer failed").isZero();
    }

    @Test
    void the_reason_stored_as_a_code_reads_as_a_french_sentence() {
        jdbc.update("update outbound_message set attempts = 2, last_error = ? where id = ?",
                StaffNote.of(Code.MAIL_SERVER_UNREACHABLE, "Connection refused").stored(500), ids.get(1));
        jdbc.update("update outbound_message set last_error = ? where id = ?",
                StaffNote.of(Code.SMS_REFUSED, "HTTP 400 invalid_parameter").stored(500), ids.getFirst());
        navigate(OutboxView.class);
        var rows = test(grid());

        assertThat(rows.getRow(0).id()).isEqualTo(ids.get(1));
        assertThat(rows.getCellText(0, 4)).startsWith("Nouvel essai le ")
                .endsWith("(essai 2 échoué : Serveur d’envoi injoignable (Connection refused))");
        assertThat(rows.getCellText(1, 4)).isEqualTo(
                "Échec après 6 essais : Numéro ou message refusé par le fournisseur de SMS (HTTP 400 invalid_parameter)");
    }

    @Test
    void a_message_being_sent_can_be_found_and_cannot_be_sent_again_meanwhile() {
        jdbc.update("update outbound_message set status = 'SENDING', attempts = 1, lease_owner = 'instance-b',"
                + " lease_until = date_add(created_at, interval 10 minute) where id = ?", ids.get(1));
        navigate(OutboxView.class);
        test((Select<?>) $(Select.class).id("outbox-filter")).selectItem("En cours d’envoi");
        var rows = test(grid());
        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.getRow(0).id()).isEqualTo(ids.get(1));
        assertThat(rows.getCellText(0, 4)).isEqualTo("En cours d’envoi");
        assertThat(rows.getCellComponent(0, 5).getChildren()).as("no « Renvoyer » while it is being sent").isEmpty();
    }

    @Test
    void another_structure_sees_none_of_them() {
        StaffLogin.coordinator(fixtures.create("Ailleurs").structureId());
        navigate(OutboxView.class);
        assertThat(test(grid()).size()).isZero();
    }
}
