package fr.rdvnumerique.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.testing.IntegrationTest;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** Errors become sentences: a refused rule, a colleague's concurrent save, a database constraint. */
@IntegrationTest
class UiMessagesTest extends SpringBrowserlessTest {

    private static DataIntegrityViolationException duplicate(String key) {
        return new DataIntegrityViolationException("could not execute statement",
                new SQLIntegrityConstraintViolationException("Duplicate entry '4-54328' for key '" + key + "'", "23000", 1062));
    }

    @Test
    void a_unique_key_met_by_a_concurrent_save_gets_the_sentence_of_its_rule() {
        assertThat(UiMessages.describe(UI.getCurrent(), duplicate("uk_commune_insee")))
                .isEqualTo("Cette commune est déjà dans la liste.");
        assertThat(UiMessages.describe(UI.getCurrent(), duplicate("uk_structure_slug")))
                .isEqualTo("Cette adresse est déjà utilisée par une autre structure.");
        assertThat(UiMessages.describe(UI.getCurrent(), duplicate("uk_staff_account_email")))
                .isEqualTo("Un compte existe déjà avec cette adresse e-mail.");
    }

    @Test
    void a_constraint_without_a_sentence_stays_an_unexpected_error() {
        assertThat(UiMessages.describe(UI.getCurrent(), duplicate("uk_something_else")))
                .isEqualTo("Une erreur inattendue est survenue. Réessayez ; si cela continue, prévenez l’accueil.");
    }

    @Test
    void rules_and_concurrent_changes_keep_their_own_sentences() {
        assertThat(UiMessages.describe(UI.getCurrent(), new BusinessRuleException("territory.commune.insee.taken")))
                .isEqualTo("Cette commune est déjà dans la liste.");
        assertThat(UiMessages.describe(UI.getCurrent(), new ObjectOptimisticLockingFailureException(Object.class, 1L)))
                .startsWith("Quelqu’un d’autre vient de modifier cet élément.");
    }
}
