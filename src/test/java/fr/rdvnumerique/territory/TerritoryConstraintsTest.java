package fr.rdvnumerique.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.db.Constraints;
import fr.rdvnumerique.testing.IntegrationTest;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database keeps every territory record inside its structure, whatever code writes to it. */
@IntegrationTest
class TerritoryConstraintsTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired Flyway flyway;

    private void refused(String constraint, String sql, Object... args) {
        assertThatThrownBy(() -> jdbc.update(sql, args)).isInstanceOf(DataIntegrityViolationException.class)
                .satisfies(e -> assertThat(Constraints.violated(e)).contains(constraint));
    }

    @Test
    void a_place_cannot_sit_in_a_commune_of_another_structure() {
        var ludres = fixtures.create("Clé lieu");
        var other = fixtures.create("Clé lieu autre");
        refused("fk_place_commune_structure", "update place set commune_id = ? where id = ?", other.communeId(), ludres.placeId());
        refused("fk_place_commune_structure", "insert into place (structure_id, commune_id, name, kind, address, step_free_access)"
                + " values (?, ?, 'Intrus', 'AUTRE', '1 rue', 'UNKNOWN')", ludres.structureId(), other.communeId());
    }

    @Test
    void an_advisor_cannot_work_at_a_place_of_another_structure() {
        var ludres = fixtures.create("Clé conseiller");
        var other = fixtures.create("Clé conseiller autre");
        refused("fk_advisor_place_place_structure", "insert into advisor_place (advisor_id, place_id, structure_id) values (?, ?, ?)",
                ludres.advisorId(), other.placeId(), ludres.structureId());
        refused("fk_advisor_place_advisor_structure", "insert into advisor_place (advisor_id, place_id, structure_id) values (?, ?, ?)",
                ludres.advisorId(), other.placeId(), other.structureId());
        assertThat(jdbc.queryForList("select structure_id from advisor_place where advisor_id = ?", Long.class, ludres.advisorId()))
                .containsOnly(ludres.structureId()).hasSize(2);
    }

    @Test
    void a_convention_names_only_communes_of_its_structure() {
        var ludres = fixtures.create("Clé convention");
        var other = fixtures.create("Clé convention autre");
        refused("fk_convention_host_structure", "insert into convention (structure_id, title, host_commune_id, signed_on, valid_from,"
                + " valid_until, posts, subsidy_amount, other_annual_costs) values (?, 'Intruse', ?, '2026-01-01', '2026-01-01',"
                + " '2027-01-01', 1, 0, 0)", ludres.structureId(), other.communeId());
        jdbc.update("insert into convention (structure_id, title, host_commune_id, signed_on, valid_from, valid_until, posts,"
                + " subsidy_amount, other_annual_costs) values (?, 'Convention', ?, '2026-01-01', '2026-01-01', '2027-01-01', 1, 0, 0)",
                ludres.structureId(), ludres.communeId());
        long convention = jdbc.queryForObject("select max(id) from convention where structure_id = ?", Long.class, ludres.structureId());
        refused("fk_convention_share_commune_structure", "insert into convention_share (convention_id, position, commune_id,"
                + " weekly_hours, structure_id) values (?, 0, ?, 10, ?)", convention, other.communeId(), ludres.structureId());
        refused("fk_convention_share_convention_structure", "insert into convention_share (convention_id, position, commune_id,"
                + " weekly_hours, structure_id) values (?, 0, ?, 10, ?)", convention, other.communeId(), other.structureId());
    }

    @Test
    void migrations_form_one_linear_sequence_applied_in_version_order() {
        assertThat(flyway.getConfiguration().isOutOfOrder()).as("every install applies them in the same order").isFalse();
        var applied = List.of(flyway.info().applied());
        assertThat(applied).anySatisfy(m -> assertThat(m.getVersion().getVersion()).isEqualTo("2.3"));
        assertThat(applied).extracting(m -> m.getVersion()).isSorted();
    }
}
