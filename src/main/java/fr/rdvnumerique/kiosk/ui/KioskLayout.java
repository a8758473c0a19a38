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
import com.vaadin.flow.shared.Registration;
import fr.rdvnumerique.kiosk.KioskSettings;
import java.time.Clock;
import java.util.Objects;

/**
 * The kiosk's frame: a title bar with "Texte plus grand", the screen, and the idle watch.
 *
 * <p>Bare until a view {@linkplain #start starts} it: a browser that is not an enrolled kiosk gets only the
 * view's explanation — no title bar, no toggle, no polling, no listeners. Once started, every touch (a
 * throttled pointer event, so scrolling a list counts too) keeps the kiosk awake; after a minute without one
 * a full-screen question offers more time, then the kiosk starts over and ends the session so the next person
 * sees nothing of the previous one (see {@link KioskIdleWatch} for the home screen and the confirmation).
 */
@AnonymousAllowed
@StyleSheet("styles/kiosk.css")
public class KioskLayout extends Div implements RouterLayout {

    /**
     * How often the screen asks the server whether it is time to ask or to start over: the question comes within
     * a second of its setting and its countdown is the true time left (only while someone is using the kiosk; the
     * home screen does not poll).
     */
    static final int POLL_MS = 1000;

    /**
     * A page the browser restores from its back-forward cache would show the previous person's screen: load it
     * again instead (the pages are also sent with {@code Cache-Control: no-store}, see KioskNoStoreFilter).
     */
    private static final String RELOAD_WHEN_RESTORED = """
            if (!window.rdvKioskPageshow) {
              window.rdvKioskPageshow = true;
              window.addEventListener('pageshow', e => { if (e.persisted) { location.reload(); } });
            }""";

    private final Main main = new Main();
    private final Header header = new Header();
    private final Span title = new Span();
    private final Div warning = new Div();
    private final Paragraph countdown = new Paragraph();
    private final H2 question = new H2();
    private final Button yes = new Button();
    private final Button no = new Button();
    private final Button largerText = new Button();
    private final KioskIdleWatch watch;
    private Registration pollListener;
    private com.vaadin.flow.dom.DomListenerRegistration pointer;
    private com.vaadin.flow.dom.DomListenerRegistration keys;
    private boolean started;
    private boolean large;

    public KioskLayout(Clock clock, KioskSettings settings) {
        this.watch = new KioskIdleWatch(clock, settings.idleWarning(), settings.idleGrace(), settings.confirmationShown());
        addClassName("kiosk");
        title.addClassName("kiosk-title");
        largerText.setText(getTranslation("kiosk.larger-text"));
        largerText.addClassName("kiosk-toggle");
        largerText.setId("kiosk-larger-text");
        largerText.addClickListener(e -> toggleLargeText());
        header.add(title, largerText);
        header.addClassName("kiosk-header");
        main.addClassName("kiosk-main");
        main.setId("kiosk-main");
        warning();
        // The title bar and the idle question join the page only on an enrolled screen (start).
        add(main);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().executeJs(RELOAD_WHEN_RESTORED);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.removeAll();
        if (content != null) {
            main.getElement().appendChild(Objects.requireNonNull(content.getElement()));
        }
    }

    /** The view found an enrolled screen: title bar, larger text, touches and the idle watch. */
    public void start(String titleText) {
        title.setText(titleText);
        if (started) {
            return;
        }
        started = true;
        addComponentAsFirst(header);
        add(warning);
        // Any touch anywhere: at most one round trip every three seconds.
        pointer = getElement().addEventListener("pointerdown", e -> touched()).throttle(3000);
        keys = getElement().addEventListener("keydown", e -> touched()).throttle(3000);
        getUI().ifPresent(ui -> pollListener = ui.addPollListener(e -> checkIdle()));
    }

    /** Back to the bare frame (the screen was revoked meanwhile): nothing but the view's explanation. */
    public void stop() {
        remove(header, warning);
        hideWarning();
        watch.disarm();
        for (Registration r : new Registration[] {pollListener, pointer, keys}) {
            if (r != null) {
                r.remove();
            }
        }
        pollListener = null;
        pointer = null;
        keys = null;
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
        started = false;
    }

    boolean isStarted() {
        return started;
    }

    /** The home screen: nothing to forget, so no question and no polling. */
    public void idleAtHome() {
        watch.disarm();
        hideWarning();
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    /** A step of the path: the idle watch runs from now. */
    public void working() {
        watch.arm();
        hideWarning();
        getUI().ifPresent(ui -> ui.setPollInterval(POLL_MS));
    }

    /** The confirmation is shown: the kiosk starts over by itself once the person has had time to read it. */
    public void confirmationShown() {
        watch.finished();
        hideWarning();
        getUI().ifPresent(ui -> ui.setPollInterval(POLL_MS));
    }

    /** Views call this on every action, so a person working through the screens is never interrupted. */
    public void touched() {
        watch.touched();
        if (watch.state() == KioskIdleWatch.State.ACTIVE) {
            hideWarning();
        }
    }

    /** Checked on every poll; the clock decides, so tests move it rather than wait. */
    void checkIdle() {
        switch (watch.state()) {
            case ACTIVE -> hideWarning();
            case WARNING -> showWarning();
            case EXPIRED -> startOver();
        }
    }

    /**
     * The question, over the screen. After a ticket it says that the registration is kept and only the screen
     * will be cleared, and the ticket (name, QR code of the private link) is hidden, not just dimmed: the next
     * person in line must not read or scan it.
     */
    private void showWarning() {
        boolean ticket = watch.isFinished();
        String prefix = ticket ? "kiosk.idle.done." : "kiosk.idle.";
        question.setText(getTranslation(prefix + "question"));
        countdown.setText(getTranslation(prefix + "countdown", watch.secondsLeft()));
        yes.setText(getTranslation(prefix + "yes"));
        no.setText(getTranslation(prefix + "no"));
        main.setVisible(!ticket);
        warning.setVisible(true);
    }

    private void hideWarning() {
        warning.setVisible(false);
        main.setVisible(true);
    }

    boolean isScreenHidden() {
        return !main.isVisible();
    }

    /**
     * Forgets everything: the browser loads the kiosk's home again, replacing the current page in its history
     * (nothing to go back to), and the Vaadin and HTTP sessions end, so no name, phone or choice survives. The
     * enrolment cookie stays.
     */
    public void startOver() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.setPollInterval(-1);
            ui.getPage().executeJs("location.replace($0)", KioskView.ROUTE);
        }
        endSession();
    }

    /** Ends the Vaadin and HTTP sessions: nothing typed survives; the enrolment cookie stays. */
    static void endSession() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().invalidate();
        }
    }

    boolean isWarningShown() {
        return warning.isVisible();
    }

    boolean isLargeText() {
        return large;
    }

    private void warning() {
        warning.addClassName("kiosk-warning");
        warning.setId("kiosk-warning");
        warning.getElement().setAttribute("role", "alertdialog");
        warning.getElement().setAttribute("aria-modal", "true");
        warning.getElement().setAttribute("aria-labelledby", "kiosk-warning-title");
        question.setText(getTranslation("kiosk.idle.question"));
        question.setId("kiosk-warning-title");
        yes.setText(getTranslation("kiosk.idle.yes"));
        yes.addClickListener(e -> {
            watch.moreTime();
            hideWarning();
        });
        yes.setId("kiosk-more-time");
        yes.addClassName("kiosk-primary");
        no.setText(getTranslation("kiosk.idle.no"));
        no.addClickListener(e -> startOver());
        no.setId("kiosk-no-more-time");
        no.addClassName("kiosk-secondary");
        countdown.setId("kiosk-countdown");
        var panel = new Div(question, countdown, yes, no);
        panel.addClassName("kiosk-warning-panel");
        warning.add(panel);
        warning.setVisible(false);
    }

    private void toggleLargeText() {
        large = !large;
        if (large) {
            addClassName("kiosk-large");
        } else {
            removeClassName("kiosk-large");
        }
        // The label says what a touch does (no hidden "pressed" state to guess).
        largerText.setText(getTranslation(large ? "kiosk.normal-text" : "kiosk.larger-text"));
        touched();
    }
}
