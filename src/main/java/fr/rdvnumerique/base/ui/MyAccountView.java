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
import fr.rdvnumerique.base.security.SecondFactorEnrolment;
import fr.rdvnumerique.base.security.SecondFactorService;
import fr.rdvnumerique.base.security.StaffAccountService;
import jakarta.annotation.security.PermitAll;

/**
 * "Mon compte": every staff member changes their own password, after typing the current one; the new one twice,
 * so that a typo does not lock them out. Below, « Validation en deux étapes » (ADR 020): turned on with a code from
 * the new secret, turned off with the password and a code (not for administrators, who must keep it).
 */
@Route("staff/mon-compte")
@Menu(title = "staff.my-account.menu", order = 99, icon = "USER")
@PermitAll
public class MyAccountView extends Div implements HasDynamicTitle {

    private final StaffAccountService accounts;
    private final SecondFactorService secondFactors;
    private final Div secondFactor = new Div();
    private final String email;
    private final PasswordField current = new PasswordField();
    private final PasswordField fresh = new PasswordField();
    private final PasswordField confirmation = new PasswordField();
    private final Paragraph error = new Paragraph();

    public MyAccountView(StaffAccountService accounts, SecondFactorService secondFactors, CurrentStaff staff) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
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
                new H2(getTranslation("staff.my-account.password")), error, form, save,
                new H2(getTranslation("staff.second-factor.heading")), secondFactor);
        secondFactor.setId("second-factor");
        showSecondFactor();
    }

    private void showSecondFactor() {
        secondFactor.removeAll();
        var status = secondFactors.status();
        if (!status.enabled()) {
            var enable = new Button(getTranslation("staff.second-factor.enable"), e -> offerSecondFactor());
            enable.setId("second-factor-enable");
            secondFactor.add(new Paragraph(getTranslation("staff.second-factor.off")), enable);
            return;
        }
        secondFactor.add(new Paragraph(getTranslation("staff.second-factor.on")));
        if (status.required()) {
            secondFactor.add(new Paragraph(getTranslation("staff.second-factor.required-info")));
            return;
        }
        var password = new PasswordField(getTranslation("staff.my-account.current"));
        password.setId("second-factor-password");
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.CURRENT_PASSWORD);
        var code = SecondFactorFields.code(this, "second-factor-disable-code");
        var disable = new Button(getTranslation("staff.second-factor.disable"), e -> {
            password.setInvalid(false);
            code.setInvalid(false);
            if (password.isEmpty() || code.isEmpty()) {
                if (password.isEmpty()) {
                    invalid(password, getTranslation("validation.required"));
                }
                if (code.isEmpty()) {
                    SecondFactorFields.invalid(code, getTranslation("staff.second-factor.code.required"));
                }
                return;
            }
            try {
                secondFactors.disable(password.getValue(), code.getValue());
            } catch (InvalidValueException refused) {
                String message = getTranslation(refused.messageKey(), refused.arguments());
                if (SecondFactorService.PASSWORD.equals(refused.field())) {
                    invalid(password, message);
                } else {
                    SecondFactorFields.invalid(code, message);
                }
                return;
            } catch (BusinessRuleException refused) {
                SecondFactorFields.invalid(code, UiMessages.describe(this, refused));
                return;
            }
            showSecondFactor();
            UiMessages.success(this, "staff.second-factor.removed");
        });
        disable.setId("second-factor-disable");
        var form = new FormLayout(password, code);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("28rem");
        secondFactor.add(new Paragraph(getTranslation("staff.second-factor.disable.help")), form, disable);
    }

    /** A fresh secret on screen; it is kept only when the code typed shows the person's app has it. */
    private void offerSecondFactor() {
        secondFactor.removeAll();
        SecondFactorEnrolment offer = secondFactors.propose();
        var code = SecondFactorFields.code(this, "second-factor-code");
        var confirm = new Button(getTranslation("staff.second-factor.confirm"), e -> {
            code.setInvalid(false);
            if (code.getValue().isBlank()) {
                SecondFactorFields.invalid(code, getTranslation("staff.second-factor.code.required"));
                return;
            }
            try {
                secondFactors.enable(offer, code.getValue());
            } catch (BusinessRuleException refused) {
                SecondFactorFields.invalid(code, UiMessages.describe(this, refused));
                return;
            }
            showSecondFactor();
            UiMessages.success(this, "staff.second-factor.saved");
        });
        confirm.setId("second-factor-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        var cancel = new Button(getTranslation("staff.second-factor.cancel"), e -> showSecondFactor());
        cancel.setId("second-factor-cancel");
        secondFactor.add(SecondFactorFields.setup(this, offer), code, new Div(confirm, cancel));
        code.focus();
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
