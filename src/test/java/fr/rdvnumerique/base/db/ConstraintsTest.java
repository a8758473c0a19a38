package fr.rdvnumerique.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** The name of the constraint a refused write broke, as MariaDB words it. */
class ConstraintsTest {

    @Test
    void a_duplicate_key_names_its_unique_key() {
        var error = new DataIntegrityViolationException("could not execute statement",
                new SQLIntegrityConstraintViolationException("(conn=12) Duplicate entry '4-54328' for key 'uk_commune_insee'",
                        "23000", 1062));
        assertThat(Constraints.violated(error)).contains("uk_commune_insee");
    }

    @Test
    void mysql_style_messages_prefix_the_table_and_are_read_all_the_same() {
        assertThat(Constraints.fromMessage(1062, "Duplicate entry 'x' for key 'structure.UK_STRUCTURE_SLUG'"))
                .contains("uk_structure_slug");
    }

    @Test
    void foreign_key_and_check_failures_name_their_constraint() {
        assertThat(Constraints.fromMessage(1452, "Cannot add or update a child row: a foreign key constraint fails "
                + "(`rdv`.`place`, CONSTRAINT `fk_place_commune_structure` FOREIGN KEY (`commune_id`, `structure_id`) "
                + "REFERENCES `commune` (`id`, `structure_id`))")).contains("fk_place_commune_structure");
        assertThat(Constraints.fromMessage(4025, "CONSTRAINT `ck_staff_account_advisor_structure` failed for `rdv`.`staff_account`"))
                .contains("ck_staff_account_advisor_structure");
    }

    @Test
    void other_errors_name_nothing() {
        assertThat(Constraints.violated(new IllegalStateException("boom"))).isEmpty();
        assertThat(Constraints.fromMessage(1213, "Deadlock found when trying to get lock")).isEmpty();
    }
}
