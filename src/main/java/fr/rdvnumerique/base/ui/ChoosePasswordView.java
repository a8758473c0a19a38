package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.security.AccountLinkPurpose;
import fr.rdvnumerique.base.security.PasswordLinkPaths;
import fr.rdvnumerique.base.security.PasswordPolicy;
import fr.rdvnumerique.base.security.StaffPasswordLinks;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The page an invitation or a password link opens: the person chooses their password, twice. A dead link says so
 * and offers a new one; nothing about the account shows then.
 */
@Route(value = PasswordLinkPaths.CHOOSE + "/:token", autoLayout = false)
@AnonymousAllowed
public class ChoosePasswordView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final StaffPasswordLinks links;
    private final Paragraph intro = new Paragraph();
    private final Paragraph outcome = new Paragraph();
    private final PasswordField password = new PasswordField();
    private final PasswordField confirmation = new PasswordField();
    private final Button save = new Button();
    private final VerticalLayout form = new VerticalLayout();
    private final Anchor signIn = new Anchor("login");
    private final Anchor forgotten = new Anchor(PasswordLinkPaths.FORGOTTEN);
    private String token;

    public ChoosePasswordView(StaffPasswordLinks links, ObjectProvider<LegalFooterSource> legalPages) {
        this.links = links;
        addClassNames("login-view", "password-link-view");
        intro.setId("password-link-intro");
        outcome.setId("password-link-outcome");
        outcome.getElement().setAttribute("role", "status");
        outcome.setVisible(false);
        password.setLabel(getTranslation("staff.link.password"));
        password.setId("password-link-new");
        password.setHelperText(getTranslation("staff.my-account.new.help", PasswordPolicy.MIN_LENGTH));
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        password.setRequired(true);
        confirmation.setLabel(getTranslation("staff.link.confirm"));
        confirmation.setId("password-link-confirm");
        confirmation.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        confirmation.setRequired(true);
        save.setText(getTranslation("staff.link.save"));
        save.setId("password-link-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        form.setPadding(false);
        password.setWidthFull();
        confirmation.setWidthFull();
        form.add(password, confirmation, save);
        signIn.setText(getTranslation("staff.link.sign-in"));
        signIn.getElement().setAttribute("router-link", true);
        forgotten.setText(getTranslation("staff.link.forgotten"));
        forgotten.getElement().setAttribute("router-link", true);
        var footer = new Footer(new LegalFooter(legalPages.getIfAvailable()));
        footer.addClassName("login-footer");
        add(new H1(getTranslation("staff.link.page-title")), intro, form, outcome, signIn, forgotten, footer);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        links.open(token).ifPresentOrElse(link -> {
            intro.setText(getTranslation(link.purpose() == AccountLinkPurpose.INVITATION
                    ? "staff.link.intro.invitation" : "staff.link.intro.reset", link.displayName(), link.email()));
            show(false, null);
        }, () -> show(false, "staff.link.dead"));
    }

    private void save() {
        password.setInvalid(false);
        confirmation.setInvalid(false);
        if (password.getValue().isEmpty()) {
            invalid(password, getTranslation("validation.required"));
            return;
        }
        if (!password.getValue().equals(confirmation.getValue())) {
            invalid(confirmation, getTranslation("staff.my-account.mismatch"));
            return;
        }
        try {
            links.choosePassword(token, password.getValue());
            show(true, "staff.link.saved");
        } catch (InvalidValueException e) {
            invalid(password, getTranslation(e.messageKey(), e.arguments()));
        } catch (BusinessRuleException e) {
            show(false, e.messageKey());
        }
    }

    private static void invalid(PasswordField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        field.focus();
    }

    /**
     * The form while the link works; otherwise one sentence: done (and the way to sign in) or dead (and the way to
     * a new link). The typed passwords and the token are dropped once the link has served.
     */
    private void show(boolean done, String messageKey) {
        boolean open = messageKey == null;
        intro.setVisible(open);
        form.setVisible(open);
        outcome.setVisible(!open);
        if (!open) {
            outcome.setText(getTranslation(messageKey));
            password.clear();
            confirmation.clear();
        }
        signIn.setVisible(done);
        forgotten.setVisible(!open && !done);
        if (done) {
            token = null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("staff.link.page-title"));
    }
}
