package fr.rdvnumerique.kiosk.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import fr.rdvnumerique.territory.KioskDeviceRef;
import fr.rdvnumerique.territory.KioskDevices;
import com.vaadin.flow.server.VaadinResponse;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The screen keeps its enrolment secret in a cookie that outlives every visitor's session: resetting the
 * kiosk ends the session, not the enrolment. HttpOnly (no script reads it), SameSite=Strict.
 */
final class KioskDeviceCookie {

    static final String NAME = "rdv-borne";
    private static final int MAX_AGE = (int) Duration.ofDays(5 * 365).toSeconds();

    private KioskDeviceCookie() {
    }

    /**
     * The screen this browser is: from the cookie, or, right after activation, from the UI that activated it
     * (the cookie only comes back with the next request).
     */
    static Optional<KioskDeviceRef> current(KioskDevices devices) {
        UI ui = UI.getCurrent();
        String justActivated = ui == null ? null : (String) ComponentUtil.getData(ui, NAME);
        return Optional.ofNullable(justActivated).or(KioskDeviceCookie::read).flatMap(devices::resolve);
    }

    static Optional<String> read() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue).findFirst();
    }

    static void write(String token) {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ComponentUtil.setData(ui, NAME, token);
        }
        VaadinResponse response = VaadinResponse.getCurrent();
        VaadinRequest request = VaadinRequest.getCurrent();
        if (response == null) {
            return;
        }
        var cookie = new Cookie(NAME, token);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setMaxAge(MAX_AGE);
        cookie.setSecure(request != null && request.isSecure());
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
    }
}
