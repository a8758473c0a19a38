package fr.rdvnumerique.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import fr.rdvnumerique.base.security.LoginThrottledException;
import fr.rdvnumerique.base.security.SecondFactorRequiredException;
import fr.rdvnumerique.base.security.SessionEnd;
import fr.rdvnumerique.base.security.StaffSessionProperties;
import jakarta.servlet.http.Cookie;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.WebAttributes;

/** Staff sign-in. Residents never sign in: they use private links. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final Paragraph blocked = new Paragraph();
    private final Paragraph ended = new Paragraph();
    private final LoginI18n texts;
    private final StaffSessionProperties sessions;

    public LoginView(ObjectProvider<LegalFooterSource> legalPages, StaffSessionProperties sessions) {
        this.sessions = sessions;
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(true);
        form.addForgotPasswordListener(e -> form.getUI().ifPresent(ui -> ui.navigate(ForgottenPasswordView.class)));
        texts = i18n();
        form.setI18n(texts);
        // The page's title is the one h1; the form's own title comes under it.
        form.getElement().setProperty("headingLevel", 2);
        // The password field's « show » button has an English label the Java API does not reach: its web
        // component's i18n does (the field is in the form's light DOM, rendered after attach).
        form.getElement().executeJs("""
                const label = $0;
                const apply = (tries) => {
                  const field = this.querySelector('vaadin-password-field');
                  if (field) {
                    field.i18n = Object.assign({}, field.i18n, {reveal: label});
                  } else if (tries > 0) {
                    requestAnimationFrame(() => apply(tries - 1));
                  }
                };
                apply(100);""", getTranslation("login.password.reveal"));
        blocked.addClassName("login-blocked");
        blocked.setVisible(false);
        blocked.getElement().setAttribute("role", "alert");
        ended.addClassName("login-session-end");
        ended.setId("login-session-end");
        ended.getElement().setAttribute("role", "status");
        ended.setVisible(false);
        var title = new H1(getTranslation("login.page-title"));
        var help = new Paragraph(getTranslation("login.help"));
        help.addClassName("login-help");
        var home = new Anchor("", getTranslation("login.back-home"));
        home.getElement().setAttribute("router-link", true);
        var footer = new com.vaadin.flow.component.html.Footer(new LegalFooter(legalPages.getIfAvailable()));
        footer.addClassName("login-footer");
        add(title, ended, blocked, form, help, home, footer);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // The same view may be entered again in one tab: only this visit's reasons show.
        ended.setVisible(false);
        blocked.setVisible(false);
        sessionEnd().ifPresent(reason -> {
            ended.setText(getTranslation(reason.messageKey(), sessions.idleTimeout().toMinutes(),
                    sessions.maxDuration().toHours()));
            ended.setVisible(true);
        });
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("error")) {
            // Spring Security leaves the reason of the last failure in the HTTP session.
            var session = VaadinSession.getCurrent().getSession();
            // The password was right and the code comes next (ADR 020): the pending sign-in moves to the code page,
            // and is taken out of the failure, so that a later visit here does not resume it.
            if (session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof SecondFactorRequiredException next) {
                session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
                session.setAttribute(SecondFactorView.PENDING, next.pending());
                event.forwardTo(SecondFactorView.class);
                return;
            }
            if (session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LoginThrottledException throttled) {
                blocked.setText(throttled.waitSeconds() > 0 ? getTranslation("login.wait", throttled.waitSeconds())
                        : getTranslation("login.blocked"));
                blocked.setVisible(true);
            } else {
                form.setError(true);
            }
        }
    }

    /**
     * Why the previous session ended, from the cookie the session guard left (the session itself is gone). Read
     * once: the cookie is removed, so a later visit to this page does not say it again.
     */
    private static Optional<SessionEnd> sessionEnd() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (SessionEnd.COOKIE.equals(cookie.getName())) {
                var gone = new Cookie(SessionEnd.COOKIE, "");
                gone.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
                gone.setMaxAge(0);
                var response = VaadinResponse.getCurrent();
                if (response != null) {
                    response.addCookie(gone);
                }
                return SessionEnd.fromCookie(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** The form's texts (Vaadin does not expose them back). */
    LoginI18n texts() {
        return texts;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.page-title", getTranslation("login.page-title"));
    }

    private LoginI18n i18n() {
        var i18n = LoginI18n.createDefault();
        var form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        form.setForgotPassword(getTranslation("login.forgot-password"));
        var error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.username.required"));
        error.setPassword(getTranslation("login.password.required"));
        return i18n;
    }
}
