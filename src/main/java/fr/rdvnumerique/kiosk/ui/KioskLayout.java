package fr.rdvnumerique.kiosk.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.util.Objects;

/**
 * The kiosk's frame: a title bar with "Texte plus grand", the screen, and the idle watch. Every touch (a
 * throttled pointer event, so scrolling a list counts too) keeps the kiosk awake; after a minute without one
 * a full-screen question offers more time, then the kiosk starts over and ends the session so the next
 * person sees nothing of the previous one.
 */
@AnonymousAllowed
@StyleSheet("styles/kiosk.css")
public class KioskLayout extends Div implements RouterLayout {

    static final int POLL_MS = 5000;

    private final Main main = new Main();
    private final Span title = new Span();
    private final Div warning = new Div();
    private final Paragraph countdown = new Paragraph();
    private final Button largerText = new Button();
    private final KioskIdleWatch watch;
    private boolean large;

    public KioskLayout(Clock clock) {
        this.watch = new KioskIdleWatch(clock);
        addClassName("kiosk");
        title.addClassName("kiosk-title");
        title.setText(getTranslation("kiosk.title"));
        largerText.setText(getTranslation("kiosk.larger-text"));
        largerText.addClassName("kiosk-toggle");
        largerText.setId("kiosk-larger-text");
        largerText.getElement().setAttribute("aria-pressed", "false");
        largerText.addClickListener(e -> toggleLargeText());
        var header = new Header(title, largerText);
        header.addClassName("kiosk-header");
        main.addClassName("kiosk-main");
        main.setId("kiosk-main");
        add(header, main, warning());
        // Any touch anywhere: at most one round trip every three seconds.
        getElement().addEventListener("pointerdown", e -> touched()).throttle(3000);
        getElement().addEventListener("keydown", e -> touched()).throttle(3000);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(POLL_MS);
        ui.addPollListener(e -> checkIdle());
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.removeAll();
        if (content != null) {
            main.getElement().appendChild(Objects.requireNonNull(content.getElement()));
        }
        touched();
    }

    /** Views call this on every step, so a person working through the screens is never interrupted. */
    public void touched() {
        watch.touched();
        warning.setVisible(false);
    }

    public void setTitleText(String text) {
        title.setText(text);
    }

    /** Checked on every poll; the clock decides, so tests move it rather than wait. */
    void checkIdle() {
        switch (watch.state()) {
            case ACTIVE -> warning.setVisible(false);
            case WARNING -> {
                countdown.setText(getTranslation("kiosk.idle.countdown", watch.secondsLeft()));
                warning.setVisible(true);
            }
            case EXPIRED -> startOver();
        }
    }

    /**
     * Forgets everything: the page reloads on the kiosk's home and the Vaadin and HTTP sessions end, so no
     * name, phone or choice survives, not even behind the browser's back button. The enrolment cookie stays.
     */
    public void startOver() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.setPollInterval(-1);
            ui.getPage().setLocation("kiosk");
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().invalidate();
        }
    }

    boolean isWarningShown() {
        return warning.isVisible();
    }

    private Div warning() {
        warning.addClassName("kiosk-warning");
        warning.getElement().setAttribute("role", "alertdialog");
        warning.getElement().setAttribute("aria-modal", "true");
        warning.getElement().setAttribute("aria-labelledby", "kiosk-warning-title");
        var question = new H2(getTranslation("kiosk.idle.question"));
        question.setId("kiosk-warning-title");
        var yes = new Button(getTranslation("kiosk.idle.yes"), e -> touched());
        yes.setId("kiosk-more-time");
        yes.addClassName("kiosk-primary");
        var no = new Button(getTranslation("kiosk.idle.no"), e -> startOver());
        no.addClassName("kiosk-secondary");
        var panel = new Div(question, countdown, yes, no);
        panel.addClassName("kiosk-warning-panel");
        warning.add(panel);
        warning.setVisible(false);
        return warning;
    }

    private void toggleLargeText() {
        large = !large;
        if (large) {
            addClassName("kiosk-large");
        } else {
            removeClassName("kiosk-large");
        }
        largerText.getElement().setAttribute("aria-pressed", Boolean.toString(large));
        touched();
    }
}
