package fr.rdvnumerique.territory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.base.security.Role;
import fr.rdvnumerique.base.security.StaffAccountForm;
import fr.rdvnumerique.base.security.StaffAccountService;
import fr.rdvnumerique.base.security.StaffAccountView;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class StaffAccountsViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired StaffAccountService accounts;
    @Autowired JdbcTemplate jdbc;

    TerritoryFixtures.TestTerritory territory;

    @BeforeEach
    void signIn() {
        territory = fixtures.create("Vue comptes");
        StaffLogin.admin();
    }

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Object> combo(String id) {
        return $(ComboBox.class).id(id);
    }

    private void typeAccount(String email, String password) {
        test($(EmailField.class).withLabel("E-mail de connexion").single()).setValue(email);
        test($(TextField.class).withLabel("Nom affiché").single()).setValue("Camille Rivière");
        test(combo("account-structure")).selectItem("Structure Vue comptes " + structureNumber());
        test(combo("account-advisor")).selectItem("Conseiller Vue comptes");
        test($(PasswordField.class).id("account-password")).setValue(password);
    }

    private String structureNumber() {
        // "Structure Vue comptes 12": the fixture numbers its structures.
        String name = jdbc.queryForObject("select name from structure where id = ?", String.class, territory.structureId());
        return name.substring(name.lastIndexOf(' ') + 1);
    }

    @Test
    void an_administrator_creates_the_account_of_an_advisor() {
        String email = "camille" + System.nanoTime() + "@exemple.fr";
        navigate(StaffAccountsView.class);
        test($(Button.class).withText("Créer un compte").single()).click();
        typeAccount(email, "une longue phrase de passe");
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        Map<String, Object> row = jdbc.queryForMap("select structure_id, advisor_id, active from staff_account where email = ?", email);
        assertThat(row.get("structure_id")).isEqualTo(territory.structureId());
        assertThat(row.get("advisor_id")).isEqualTo(territory.advisorId());
    }

    @Test
    void a_short_password_is_explained_next_to_the_field_and_nothing_is_saved() {
        String email = "court" + System.nanoTime() + "@exemple.fr";
        navigate(StaffAccountsView.class);
        test($(Button.class).withText("Créer un compte").single()).click();
        typeAccount(email, "court");
        test($(Button.class).withText("Enregistrer").single()).click();

        PasswordField password = $(PasswordField.class).id("account-password");
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("Le mot de passe doit contenir au moins 12 caractères.");
        assertThat($(Dialog.class).single().isOpened()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from staff_account where email = ?", Integer.class, email)).isZero();
    }

    @Test
    void a_password_longer_than_72_bytes_is_explained_in_french_and_nothing_is_saved() {
        String email = "long" + System.nanoTime() + "@exemple.fr";
        navigate(StaffAccountsView.class);
        test($(Button.class).withText("Créer un compte").single()).click();
        // 40 accented letters: 40 characters but 80 bytes, more than BCrypt reads.
        typeAccount(email, "é".repeat(40));
        test($(Button.class).withText("Enregistrer").single()).click();

        PasswordField password = $(PasswordField.class).id("account-password");
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).startsWith("Le mot de passe ne doit pas dépasser 72 octets");
        assertThat($(Dialog.class).single().isOpened()).as("the form stays open with what was typed").isTrue();
        assertThat($(EmailField.class).withLabel("E-mail de connexion").single().getValue()).isEqualTo(email);
        assertThat(jdbc.queryForObject("select count(*) from staff_account where email = ?", Integer.class, email)).isZero();

        test($(PasswordField.class).id("account-password")).setValue("une phrase de passe raisonnable");
        test($(Button.class).withText("Enregistrer").single()).click();
        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        assertThat(jdbc.queryForObject("select count(*) from staff_account where email = ?", Integer.class, email)).isOne();
    }

    @Test
    void an_administrator_without_structure_is_listed_as_such() {
        String name = "Admin " + System.nanoTime();
        accounts.create(new StaffAccountForm(name.replace(" ", "") + "@exemple.fr", name, EnumSet.of(Role.ADMIN), null, null,
                "une longue phrase de passe"));
        navigate(StaffAccountsView.class);
        @SuppressWarnings("unchecked")
        var grid = test((Grid<StaffAccountView>) $(Grid.class).single());
        int row = -1;
        for (int i = 0; i < grid.size() && row < 0; i++) {
            if (grid.getRow(i).displayName().equals(name)) {
                row = i;
            }
        }
        assertThat(row).as("listed").isNotNegative();
        assertThat(grid.getCellText(row, 3)).isEqualTo("Aucune (administration)");
        assertThat(grid.getCellText(row, 2)).isEqualTo("Administration");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_administrator_makes_an_advisor_coordinator_from_the_form_and_the_password_stays() {
        String email = "sacha" + System.nanoTime() + "@exemple.fr";
        long id = accounts.create(new StaffAccountForm(email, "Sacha Moreau", EnumSet.of(Role.ADVISOR),
                territory.structureId(), territory.advisorId(), "une longue phrase de passe"));
        String passwordBefore = jdbc.queryForObject("select password_hash from staff_account where id = ?", String.class, id);
        navigate(StaffAccountsView.class);
        var grid = test((Grid<StaffAccountView>) $(Grid.class).single());
        int row = -1;
        for (int i = 0; i < grid.size() && row < 0; i++) {
            if (grid.getRow(i).email().equals(email)) {
                row = i;
            }
        }
        test($(Button.class, grid.getCellComponent(row, 5)).withText("Modifier").single()).click();
        assertThat($(EmailField.class).withLabel("E-mail de connexion").single().isReadOnly())
                .as("the sign-in address is the account").isTrue();
        test($(TextField.class).withLabel("Nom affiché").single()).setValue("Sacha Moreau-Petit");
        test($(CheckboxGroup.class).single()).selectItem("Coordination");
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        Map<String, Object> saved = jdbc.queryForMap("select display_name, password_hash from staff_account where id = ?", id);
        assertThat(saved.get("display_name")).isEqualTo("Sacha Moreau-Petit");
        assertThat(saved.get("password_hash")).as("an empty password field keeps the password").isEqualTo(passwordBefore);
        assertThat(accounts.load(id).value().roles()).containsExactlyInAnyOrder(Role.ADVISOR, Role.COORDINATOR);
    }
}
