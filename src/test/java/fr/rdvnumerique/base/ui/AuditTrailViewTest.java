package fr.rdvnumerique.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditEntry;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The « Journal des actions » lists the structure's entries and filters them. */
@IntegrationTest
class AuditTrailViewTest extends SpringBrowserlessTest {

    @Autowired AuditTrail trail;
    @Autowired TransactionTemplate transactions;
    @Autowired TerritoryFixtures territories;

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    @Test
    void a_coordinator_filters_the_journal_by_kind_and_record() {
        long structure = territories.create("Journal vue").structureId();
        var me = StaffLogin.coordinator(structure);
        transactions.executeWithoutResult(s -> {
            trail.record(AuditKind.REGISTRATION_CANCELLED, 501L, structure, AuditChanges.of("status", "CONFIRMED", "CANCELLED"));
            trail.record(AuditKind.CAPACITY_CHANGED, 77L, structure, AuditChanges.of("capacity", 8, 10));
        });

        navigate(AuditTrailView.class);
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = $(Grid.class).id("audit-grid");
        assertThat(rows(grid)).extracting(AuditEntry::kind)
                .containsExactly(AuditKind.CAPACITY_CHANGED, AuditKind.REGISTRATION_CANCELLED);
        assertThat(test(grid).getCellText(1, 1)).isEqualTo(me.displayName());
        assertThat(test(grid).getCellText(1, 2)).isEqualTo("Inscription annulée");
        assertThat(test(grid).getCellText(1, 3)).isEqualTo("Inscription n° 501");

        @SuppressWarnings("unchecked")
        Select<Optional<AuditKind>> kind = $(Select.class).id("audit-kind");
        test(kind).selectItem("Inscription annulée");
        assertThat(rows(grid)).extracting(AuditEntry::recordId).containsExactly(501L);

        test(kind).selectItem("Toutes les actions");
        test($(IntegerField.class).id("audit-record")).setValue(77);
        assertThat(rows(grid)).extracting(AuditEntry::kind).containsExactly(AuditKind.CAPACITY_CHANGED);
        assertThat(test(grid).getCellText(0, 4)).isEqualTo("capacity: 8 → 10");
    }

    private static List<AuditEntry> rows(Grid<AuditEntry> grid) {
        return grid.getGenericDataView().getItems().toList();
    }
}
