package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.security.PasswordLinkPaths;
import fr.rdvnumerique.base.security.StaffPasswordLinks;
import fr.rdvnumerique.base.web.ClientAddress;
import org.springframework.beans.factory.ObjectProvider;

/**
 * « Mot de passe oublié »: the address of the account, then the same sentence whether an account exists or not, so
 * that nobody learns from this page who works here.
 */
@Route(value = PasswordLinkPaths.FORGOTTEN, autoLayout = false)
@AnonymousAllowed
public class ForgottenPasswordView extends Main implements HasDynamicTitle {

    private final StaffPasswordLinks links;
    private final EmailField email = new EmailField();
    private final Paragraph outcome = new Paragraph();

    public ForgottenPasswordView(StaffPasswordLinks links, ObjectProvider<LegalFooterSource> legalPages) {
        this.links = links;
        addClassNames("login-view", "forgotten-password-view");
        email.setLabel(getTranslation("staff.forgotten.email"));
        email.setId("forgotten-email");
        email.setRequired(true);
        email.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.USERNAME);
        var send = new Button(getTranslation("staff.forgotten.send"), e -> send());
        send.setId("forgotten-send");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        outcome.setId("forgotten-outcome");
        outcome.getElement().setAttribute("role", "status");
        outcome.setVisible(false);
        var back = new Anchor("login", getTranslation("staff.forgotten.back"));
        back.getElement().setAttribute("router-link", true);
        var footer = new Footer(new LegalFooter(legalPages.getIfAvailable()));
        footer.addClassName("login-footer");
        email.setWidthFull();
        var form = new com.vaadin.flow.component.orderedlayout.VerticalLayout(email, send);
        form.setPadding(false);
        add(new H1(getTranslation("staff.forgotten.page-title")), new Paragraph(getTranslation("staff.forgotten.intro")),
                form, outcome, back, footer);
    }

    private void send() {
        email.setInvalid(false);
        if (email.getValue().isBlank()) {
            invalid(getTranslation("login.username.required"));
            return;
        }
        try {
            var answer = links.requestReset(email.getValue(), ClientAddress.current());
            outcome.setText(answer == StaffPasswordLinks.ResetAnswer.TOO_MANY_REQUESTS
                    ? getTranslation("staff.forgotten.too-many")
                    : getTranslation("staff.forgotten.sent", email.getValue().strip()));
            outcome.setVisible(true);
        } catch (InvalidValueException e) {
            invalid(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    private void invalid(String message) {
        outcome.setVisible(false);
        email.setErrorMessage(message);
        email.setInvalid(true);
        email.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("staff.forgotten.page-title"));
    }
}
