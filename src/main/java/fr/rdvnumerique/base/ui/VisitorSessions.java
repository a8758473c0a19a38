package fr.rdvnumerique.base.ui;

import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long an idle session lives. Vaadin closes a session whose last user request is older than its HTTP
 * session's timeout ({@code vaadin.closeIdleSessions=true}; its heartbeat keeps the tab's session alive but does not
 * count), and the browser's close beacon closes a UI when its tab goes, so the pages a visitor leaves are freed at
 * once and an abandoned tab within the public timeout plus one heartbeat (10 + 5 minutes).
 * <p>
 * Sessions start anonymous with the public timeout. A signed-in staff member, and the kiosk (it waits at its home
 * screen for hours without a request and starts over by itself), keep the container's timeout, which is the staff
 * idle timeout: the staff session guard still decides when a staff session ends and says why (ADR 015).
 */
@Component
class VisitorSessions implements VaadinServiceInitListener {

    private final int publicSeconds;
    private final int defaultSeconds;

    VisitorSessions(@Value("${rdv.public.session.idle-timeout:10m}") Duration publicIdle,
                    @Value("${server.servlet.session.timeout:30m}") Duration containerTimeout) {
        this.publicSeconds = Math.toIntExact(publicIdle.toSeconds());
        this.defaultSeconds = Math.toIntExact(containerTimeout.toSeconds());
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> apply(init.getSession(), publicSeconds));
        event.getSource().addUIInitListener(init -> init.getUI().addAfterNavigationListener(this::navigated));
    }

    private void navigated(AfterNavigationEvent event) {
        VaadinSession session = event.getLocationChangeEvent().getUI().getSession();
        apply(session, keepsContainerTimeout(event.getLocation().getFirstSegment(), VaadinRequest.getCurrent())
                ? defaultSeconds : publicSeconds);
    }

    static boolean keepsContainerTimeout(String firstSegment, VaadinRequest request) {
        return "kiosk".equals(firstSegment) || request != null && request.getUserPrincipal() != null;
    }

    private static void apply(VaadinSession session, int seconds) {
        WrappedSession http = session == null ? null : session.getSession();
        if (http != null && http.getMaxInactiveInterval() != seconds) {
            http.setMaxInactiveInterval(seconds);
        }
    }

    int publicSeconds() {
        return publicSeconds;
    }
}
