package fr.rdvnumerique.base.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** No action without its trace; the application only appends; old entries go after the retention period. */
@IntegrationTest
class AuditTrailTest {

    @Autowired AuditTrail trail;
    @Autowired AuditTrailPurge purge;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void reset() {
        clock.reset();
        StaffLogin.signOut();
    }

    @Autowired TerritoryFixtures territories;

    /** A structure of its own (the database is shared). */
    private long structure() {
        return territories.create("Journal").structureId();
    }

    @Test
    void an_entry_is_written_only_inside_the_action_s_transaction() {
        StaffLogin.coordinator(structure());
        assertThatThrownBy(() -> trail.record(AuditKind.CAPACITY_CHANGED, 1L, 1L, AuditChanges.none()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void an_action_rolled_back_leaves_no_entry() {
        long structure = structure();
        StaffLogin.coordinator(structure);
        transactions.executeWithoutResult(status -> {
            trail.record(AuditKind.CAPACITY_CHANGED, 7L, structure, AuditChanges.of("capacity", 10, 12));
            status.setRollbackOnly();
        });
        assertThat(trail.list(AuditFilter.everything(), PageRequest.of(0, 10))).isEmpty();
    }

    @Test
    void coordinators_read_their_structure_s_journal_and_administrators_everyone_s() {
        long mine = structure();
        long other = structure();
        var me = StaffLogin.coordinator(mine);
        transactions.executeWithoutResult(status -> trail.record(AuditKind.REGISTRATION_CANCELLED, 41L, mine,
                AuditChanges.of("status", "CONFIRMED", "CANCELLED")));
        StaffLogin.coordinator(other);
        transactions.executeWithoutResult(status -> trail.record(AuditKind.CAPACITY_CHANGED, 42L, other,
                AuditChanges.of("capacity", 10, 12)));

        StaffLogin.coordinator(mine);
        var entries = trail.list(AuditFilter.everything(), PageRequest.of(0, 10)).getContent();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(AuditKind.REGISTRATION_CANCELLED);
            assertThat(entry.recordId()).isEqualTo(41L);
            assertThat(entry.actor()).isEqualTo(AuditActor.staff(me.accountId(), me.displayName()));
            assertThat(entry.changes()).isEqualTo("status: CONFIRMED → CANCELLED");
        });
        // Asking for another structure changes nothing for a coordinator.
        assertThat(trail.list(new AuditFilter(null, null, null, null, null, other), PageRequest.of(0, 10)))
                .extracting(AuditEntry::recordId).containsExactly(41L);
        assertThat(trail.actors()).containsExactly(AuditActor.staff(me.accountId(), me.displayName()));

        StaffLogin.admin();
        assertThat(trail.list(new AuditFilter(null, null, null, null, null, other), PageRequest.of(0, 10)))
                .extracting(AuditEntry::recordId).containsExactly(42L);
        assertThat(trail.list(AuditFilter.everything().withRecord(41L).withKind(AuditKind.REGISTRATION_CANCELLED),
                PageRequest.of(0, 10))).extracting(AuditEntry::structureId).contains(mine);

        StaffLogin.advisor(mine, 1L);
        assertThatThrownBy(() -> trail.list(AuditFilter.everything(), PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_journal_is_paged_newest_first_and_filtered_by_member_period_and_kind() {
        long structure = structure();
        var first = StaffLogin.coordinator(structure);
        clock.setParis(2026, 3, 2, 10, 0);
        for (int i = 1; i <= 3; i++) {
            long id = i;
            transactions.executeWithoutResult(s -> trail.record(AuditKind.MOTIF_CHANGED, id, structure, AuditChanges.none()));
            clock.advance(Duration.ofDays(1));
        }
        StaffLogin.as(structure, null, fr.rdvnumerique.base.security.Role.COORDINATOR);
        transactions.executeWithoutResult(s -> trail.record(AuditKind.EXPORT_CSV, 9L, structure,
                AuditChanges.value("rows", 12)));

        var page = trail.list(AuditFilter.everything(), PageRequest.of(0, 2));
        assertThat(page.getContent()).extracting(AuditEntry::recordId).containsExactly(9L, 3L);
        assertThat(page.hasNext()).isTrue();
        assertThat(trail.list(AuditFilter.everything(), PageRequest.of(1, 2)).getContent())
                .extracting(AuditEntry::recordId).containsExactly(2L, 1L);
        assertThat(trail.list(AuditFilter.everything().withActor(first.accountId()), PageRequest.of(0, 10)))
                .extracting(AuditEntry::recordId).containsExactly(3L, 2L, 1L);
        assertThat(trail.list(AuditFilter.everything().withKind(AuditKind.EXPORT_CSV), PageRequest.of(0, 10)))
                .extracting(AuditEntry::changes).containsExactly("rows: 12");
        assertThat(trail.list(AuditFilter.everything().withPeriod(java.time.LocalDate.of(2026, 3, 3),
                java.time.LocalDate.of(2026, 3, 3)), PageRequest.of(0, 10)))
                .extracting(AuditEntry::recordId).containsExactly(2L);
    }

    @Test
    void the_database_refuses_to_change_or_delete_an_entry() {
        long structure = structure();
        StaffLogin.coordinator(structure);
        transactions.executeWithoutResult(s -> trail.record(AuditKind.PLACE_CHANGED, 5L, structure, AuditChanges.none()));
        assertThatThrownBy(() -> jdbc.update("update audit_entry set kind = 'PLACE_CREATED' where structure_id = ?", structure))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where structure_id = ?", structure))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where structure_id = ?", Integer.class, structure))
                .isEqualTo(1);
    }

    @Test
    void entries_older_than_the_retention_period_are_purged_the_others_stay() {
        long structure = structure();
        StaffLogin.coordinator(structure);
        clock.set(clock.instant().minus(Duration.ofDays(400)));
        transactions.executeWithoutResult(s -> trail.record(AuditKind.CLOSURE_CHANGED, 1L, structure, AuditChanges.none()));
        clock.reset();
        clock.set(clock.instant().minus(Duration.ofDays(300)));
        transactions.executeWithoutResult(s -> trail.record(AuditKind.CLOSURE_CHANGED, 2L, structure, AuditChanges.none()));
        clock.reset();

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("select record_id from audit_entry where structure_id = ?", Long.class, structure))
                .containsExactly(2L);
        // The purge's permission ended with it.
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where structure_id = ?", structure))
                .hasMessageContaining("append-only");
    }

    @Test
    void changes_keep_only_what_differs_and_stay_short() {
        var changes = AuditChanges.between(Map.of("capacity", 10, "status", "OPEN"), Map.of("capacity", 12, "status", "OPEN"));
        assertThat(changes.text()).isEqualTo("capacity: 10 → 12");
        assertThat(AuditChanges.value("note", "x".repeat(500)).text()).hasSize(AuditChanges.MAX_VALUE + "note: ".length());
    }
}
