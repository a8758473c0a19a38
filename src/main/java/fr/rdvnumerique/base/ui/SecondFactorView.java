package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.security.PendingSignIn;
import fr.rdvnumerique.base.security.SecondFactorEnrolment;
import fr.rdvnumerique.base.security.SecondFactorSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * « Code de validation », the sign-in's second step (ADR 020). The password was right, yet the session is still
 * anonymous: this page, public like the sign-in page, is the only one that knows about the pending sign-in. The
 * right code puts the staff member's authentication in the session (under a new session id) and opens the staff
 * space; an administrator without a second factor sets it up here first.
 */
@Route(value = "login/code", autoLayout = false)
@AnonymousAllowed
public class SecondFactorView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** The HTTP session attribute holding the {@link PendingSignIn}, put there by {@link LoginView}. */
    static final String PENDING = SecondFactorView.class.getName() + ".pending";

    private final SecondFactorSignIn signIn;
    private final SecurityContextHolderStrategy securityContexts;
    private final Div content = new Div();
    private final Paragraph error = new Paragraph();
    private PendingSignIn pending;
    private SecondFactorEnrolment offer;
    private TextField code;

    public SecondFactorView(SecondFactorSignIn signIn, SecurityContextHolderStrategy securityContexts,
                            ObjectProvider<LegalFooterSource> legalPages) {
        this.signIn = signIn;
        this.securityContexts = securityContexts;
        addClassName("login-view");
        error.addClassName("form-error");
        error.setId("second-factor-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        var restart = new Anchor("login", getTranslation("login.second-factor.restart"));
        restart.setId("second-factor-restart");
        var footer = new Footer(new LegalFooter(legalPages.getIfAvailable()));
        footer.addClassName("login-footer");
        add(new H1(getTranslation("login.second-factor.title")), error, content, new Paragraph(restart), footer);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        error.setVisible(false);
        content.removeAll();
        pending = VaadinSession.getCurrent().getSession().getAttribute(PENDING) instanceof PendingSignIn p ? p : null;
        if (signIn.isExpired(pending)) {
            showError(getTranslation("login.second-factor.expired"));
            return;
        }
        code = SecondFactorFields.code(this, "second-factor-code");
        var submit = new Button(getTranslation(pending.enrol() ? "staff.second-factor.confirm"
                : "login.second-factor.submit"), e -> submit());
        submit.setId("second-factor-submit");
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        if (pending.enrol()) {
            offer = signIn.propose(pending);
            content.add(new Paragraph(getTranslation("login.second-factor.enrol.intro")),
                    SecondFactorFields.setup(this, offer), code, new Div(submit));
        } else {
            content.add(new Paragraph(getTranslation("login.second-factor.help")), code, new Div(submit));
        }
        code.focus();
    }

    private void submit() {
        error.setVisible(false);
        code.setInvalid(false);
        if (code.getValue().isBlank()) {
            SecondFactorFields.invalid(code, getTranslation("staff.second-factor.code.required"));
            return;
        }
        Authentication authentication;
        try {
            authentication = signIn.complete(pending, offer, code.getValue());
        } catch (InvalidValueException e) {
            code.clear();
            SecondFactorFields.invalid(code, getTranslation(e.messageKey(), e.arguments()));
            return;
        } catch (BusinessRuleException e) {
            showError(getTranslation(e.messageKey(), e.arguments()));
            return;
        }
        signedIn(authentication);
    }

    /**
     * Keeps the authentication where Spring Security looks for it at the next request (the HTTP session), under a
     * new session id so that an id known before the sign-in is worth nothing after it, then opens the staff space
     * with a full page load.
     */
    private void signedIn(Authentication authentication) {
        var context = securityContexts.createEmptyContext();
        context.setAuthentication(authentication);
        securityContexts.setContext(context);
        var session = VaadinSession.getCurrent().getSession();
        session.removeAttribute(PENDING);
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        // Vaadin's own way to move its session to a new HTTP session (attributes copied, the old one invalidated).
        VaadinService.reinitializeSession(VaadinRequest.getCurrent());
        String contextPath = VaadinRequest.getCurrent() instanceof VaadinServletRequest request
                ? request.getContextPath() : "";
        UI.getCurrent().getPage().setLocation(contextPath + "/staff");
    }

    private void showError(String text) {
        error.setText(text);
        error.setVisible(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("login.second-factor.title"));
    }
}
