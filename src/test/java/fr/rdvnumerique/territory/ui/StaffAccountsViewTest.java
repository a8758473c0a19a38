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

    private void typeAccount(String email) {
        test($(EmailField.class).withLabel("E-mail de connexion").single()).setValue(email);
        test($(TextField.class).withLabel("Nom affiché").single()).setValue("Camille Rivière");
        test(combo("account-structure")).selectItem("Structure Vue comptes " + structureNumber());
        test(combo("account-advisor")).selectItem("Conseiller Vue comptes");
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
        assertThat($(PasswordField.class).all()).as("nobody types another person's password").isEmpty();
        typeAccount(email);
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        Map<String, Object> row = jdbc.queryForMap("select id, structure_id, advisor_id, active from staff_account where email = ?", email);
        assertThat(row.get("structure_id")).isEqualTo(territory.structureId());
        assertThat(row.get("advisor_id")).isEqualTo(territory.advisorId());
        assertThat(jdbc.queryForObject("select purpose from staff_account_link where account_id = ? and closed_at is null",
                String.class, row.get("id"))).as("an invitation waits to leave").isEqualTo("INVITATION");
        assertThat(cellText(email, 4)).isEqualTo("Invitation en attente");
    }

    @Test
    void a_coordinator_invites_an_advisor_of_their_own_structure_and_cannot_make_an_administrator() {
        StaffLogin.coordinator(territory.structureId());
        String email = "coordonne" + System.nanoTime() + "@exemple.fr";
        navigate(StaffAccountsView.class);
        test($(Button.class).withText("Créer un compte").single()).click();
        assertThat(combo("account-structure").isReadOnly()).isTrue();
        assertThat(combo("account-structure").getValue()).as("their structure, already chosen").isNotNull();
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = $(CheckboxGroup.class).single();
        assertThat(roles.getListDataView().getItems()).doesNotContain(Role.ADMIN);
        test($(EmailField.class).withLabel("E-mail de connexion").single()).setValue(email);
        test($(TextField.class).withLabel("Nom affiché").single()).setValue("Camille Rivière");
        test(combo("account-advisor")).selectItem("Conseiller Vue comptes");
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        assertThat(jdbc.queryForObject("select structure_id from staff_account where email = ?", Long.class, email))
                .isEqualTo(territory.structureId());
    }

    @Test
    void a_bad_address_is_explained_next_to_the_field_and_nothing_is_saved() {
        navigate(StaffAccountsView.class);
        test($(Button.class).withText("Créer un compte").single()).click();
        typeAccount("pas-une-adresse");
        test($(Button.class).withText("Enregistrer").single()).click();

        EmailField field = $(EmailField.class).withLabel("E-mail de connexion").single();
        assertThat(field.isInvalid()).isTrue();
        assertThat($(Dialog.class).single().isOpened()).as("the form stays open with what was typed").isTrue();
        assertThat(field.getValue()).isEqualTo("pas-une-adresse");
        assertThat(jdbc.queryForObject("select count(*) from staff_account where email = 'pas-une-adresse'", Integer.class)).isZero();
    }

    @Test
    void the_send_link_button_asks_for_a_password_link() {
        String email = "oubli" + System.nanoTime() + "@exemple.fr";
        long id = accounts.invite(new StaffAccountForm(email, "Oubli Martin", EnumSet.of(Role.ADVISOR),
                territory.structureId(), null));
        jdbc.update("update staff_account_link set closed_at = now(), closed_reason = 'USED' where account_id = ?", id);
        navigate(StaffAccountsView.class);
        assertThat(cellText(email, 4)).isEqualTo("Choisi");
        @SuppressWarnings("unchecked")
        var grid = test((Grid<StaffAccountView>) $(Grid.class).single());
        test($(Button.class, grid.getCellComponent(row(email), 4)).withText("Envoyer un lien").single()).click();
        assertThat(jdbc.queryForObject("select purpose from staff_account_link where account_id = ? and closed_at is null",
                String.class, id)).isEqualTo("PASSWORD_RESET");
    }

    @Test
    void an_administrator_removes_the_second_factor_of_someone_who_lost_their_phone() {
        String email = "perdu" + System.nanoTime() + "@exemple.fr";
        long id = accounts.invite(new StaffAccountForm(email, "Téléphone Perdu", EnumSet.of(Role.COORDINATOR),
                territory.structureId(), null));
        jdbc.update("update staff_account set totp_secret = 'secret-scellé' where id = ?", id);
        long stamp = jdbc.queryForObject("select security_stamp from staff_account where id = ?", Long.class, id);
        navigate(StaffAccountsView.class);
        assertThat(cellText(email, 5)).isEqualTo("Activée");
        @SuppressWarnings("unchecked")
        var grid = test((Grid<StaffAccountView>) $(Grid.class).single());
        test($(Button.class, grid.getCellComponent(row(email), 5)).withText("Retirer").single()).click();

        assertThat(jdbc.queryForObject("select totp_secret from staff_account where id = ?", String.class, id)).isNull();
        assertThat(jdbc.queryForObject("select security_stamp from staff_account where id = ?", Long.class, id))
                .as("their open sessions end").isGreaterThan(stamp);
        assertThat(cellText(email, 5)).isEqualTo("Non");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where kind = 'SECOND_FACTOR_DISABLED' "
                + "and record_id = ?", Integer.class, id)).isOne();
    }

    @SuppressWarnings("unchecked")
    private int row(String email) {
        var grid = test((Grid<StaffAccountView>) $(Grid.class).single());
        for (int i = 0; i < grid.size(); i++) {
            if (grid.getRow(i).email().equals(email)) {
                return i;
            }
        }
        throw new AssertionError(email + " not listed");
    }

    @SuppressWarnings("unchecked")
    private String cellText(String email, int column) {
        var grid = test((Grid<StaffAccountView>) $(Grid.class).single());
        return $(com.vaadin.flow.component.html.Span.class, grid.getCellComponent(row(email), column)).first().getText();
    }

    @Test
    void an_administrator_without_structure_is_listed_as_such() {
        String name = "Admin " + System.nanoTime();
        accounts.invite(new StaffAccountForm(name.replace(" ", "") + "@exemple.fr", name, EnumSet.of(Role.ADMIN), null, null));
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
        long id = accounts.invite(new StaffAccountForm(email, "Sacha Moreau", EnumSet.of(Role.ADVISOR),
                territory.structureId(), territory.advisorId()));
        String passwordBefore = jdbc.queryForObject("select password_hash from staff_account where id = ?", String.class, id);
        navigate(StaffAccountsView.class);
        var grid = test((Grid<StaffAccountView>) $(Grid.class).single());
        int row = -1;
        for (int i = 0; i < grid.size() && row < 0; i++) {
            if (grid.getRow(i).email().equals(email)) {
                row = i;
            }
        }
        test($(Button.class, grid.getCellComponent(row, 7)).withText("Modifier").single()).click();
        assertThat($(EmailField.class).withLabel("E-mail de connexion").single().isReadOnly())
                .as("the sign-in address is the account").isTrue();
        test($(TextField.class).withLabel("Nom affiché").single()).setValue("Sacha Moreau-Petit");
        test($(CheckboxGroup.class).single()).selectItem("Coordination");
        test($(Button.class).withText("Enregistrer").single()).click();

        assertThat($(Dialog.class).all()).noneMatch(Dialog::isOpened);
        Map<String, Object> saved = jdbc.queryForMap("select display_name, password_hash from staff_account where id = ?", id);
        assertThat(saved.get("display_name")).isEqualTo("Sacha Moreau-Petit");
        assertThat(saved.get("password_hash")).as("editing keeps the password").isEqualTo(passwordBefore);
        assertThat(accounts.load(id).value().roles()).containsExactlyInAnyOrder(Role.ADVISOR, Role.COORDINATOR);
    }
}
