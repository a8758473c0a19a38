package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.security.CurrentStaff;
import fr.rdvnumerique.base.security.PasswordPolicy;
import fr.rdvnumerique.base.security.StaffAccountService;
import jakarta.annotation.security.PermitAll;

/**
 * "Mon compte": every staff member changes their own password, after typing the current one; the new one twice,
 * so that a typo does not lock them out.
 */
@Route("staff/mon-compte")
@Menu(title = "staff.my-account.menu", order = 99, icon = "USER")
@PermitAll
public class MyAccountView extends Div implements HasDynamicTitle {

    private final StaffAccountService accounts;
    private final String email;
    private final PasswordField current = new PasswordField();
    private final PasswordField fresh = new PasswordField();
    private final PasswordField confirmation = new PasswordField();
    private final Paragraph error = new Paragraph();

    public MyAccountView(StaffAccountService accounts, CurrentStaff staff) {
        this.accounts = accounts;
        addClassName("staff-page");
        var principal = staff.require();
        this.email = principal.getUsername();
        current.setLabel(getTranslation("staff.my-account.current"));
        current.setId("password-current");
        current.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        fresh.setLabel(getTranslation("staff.my-account.new"));
        fresh.setId("password-new");
        fresh.setHelperText(getTranslation("staff.my-account.new.help", PasswordPolicy.MIN_LENGTH));
        fresh.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        confirmation.setLabel(getTranslation("staff.my-account.confirm"));
        confirmation.setId("password-confirm");
        confirmation.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        error.addClassName("form-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        var save = new Button(getTranslation("staff.my-account.save"), e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("password-save");
        var form = new FormLayout(current, fresh, confirmation);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("28rem");
        add(new H1(getTranslation("staff.my-account.title")),
                new Paragraph(getTranslation("staff.my-account.signed-in-as", principal.displayName(), email)),
                new H2(getTranslation("staff.my-account.password")), error, form, save);
    }

    private void save() {
        clearErrors();
        boolean ok = true;
        if (current.isEmpty()) {
            ok = invalid(current, getTranslation("validation.required"));
        }
        try {
            PasswordPolicy.check(fresh.getValue(), email);
        } catch (InvalidValueException e) {
            ok = invalid(fresh, getTranslation(e.messageKey(), e.arguments()));
        }
        if (!fresh.getValue().equals(confirmation.getValue())) {
            ok = invalid(confirmation, getTranslation("staff.my-account.mismatch"));
        }
        if (!ok) {
            showError(getTranslation("form.check-fields"));
            return;
        }
        try {
            accounts.changeOwnPassword(current.getValue(), fresh.getValue());
        } catch (InvalidValueException e) {
            invalid(fresh, getTranslation(e.messageKey(), e.arguments()));
            showError(getTranslation("form.check-fields"));
            return;
        } catch (BusinessRuleException e) {
            if ("staff.password.wrong-current".equals(e.messageKey())) {
                invalid(current, getTranslation(e.messageKey()));
            }
            showError(UiMessages.describe(this, e));
            return;
        }
        current.clear();
        fresh.clear();
        confirmation.clear();
        UiMessages.success(this, "staff.my-account.saved");
    }

    private boolean invalid(PasswordField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        return false;
    }

    private void clearErrors() {
        error.setVisible(false);
        for (PasswordField field : new PasswordField[] {current, fresh, confirmation}) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("staff.my-account.title"));
    }
}
