package fr.rdvnumerique.kiosk.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import fr.rdvnumerique.territory.KioskDeviceRef;
import fr.rdvnumerique.territory.KioskDevices;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The screen keeps its enrolment secret in a cookie that outlives every visitor's session: resetting the
 * kiosk ends the session, not the enrolment. HttpOnly (no script reads it), SameSite=Strict, and Secure
 * whenever the browser reached us over HTTPS — directly, or through a TLS proxy that says so.
 */
final class KioskDeviceCookie {

    static final String NAME = "rdv-borne";
    private static final int MAX_AGE = (int) Duration.ofDays(5 * 365).toSeconds();

    private KioskDeviceCookie() {
    }

    /**
     * The screen this browser is, asked again each time (not remembered), so a revoked screen stops at its next
     * registration.
     */
    static Optional<KioskDeviceRef> current(KioskDevices devices) {
        return read().flatMap(devices::resolve);
    }

    static Optional<String> read() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue).findFirst();
    }

    static void write(String token) {
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            response.addCookie(cookie(token, secure(VaadinRequest.getCurrent())));
        }
    }

    static Cookie cookie(String token, boolean secure) {
        var cookie = new Cookie(NAME, token);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setMaxAge(MAX_AGE);
        cookie.setSecure(secure);
        cookie.setAttribute("SameSite", "Strict");
        return cookie;
    }

    /**
     * HTTPS as the browser sees it. With {@code server.forward-headers-strategy=native} (RDV_FORWARD_HEADERS_STRATEGY)
     * the request itself says so; without it, the proxy's {@code X-Forwarded-Proto} or {@code Forwarded} header is
     * read here. Trusting a forged header could only make the cookie stricter (Secure), never leak it.
     */
    static boolean secure(VaadinRequest request) {
        if (request == null) {
            return false;
        }
        if (request.isSecure()) {
            return true;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        if (proto != null && proto.split(",")[0].strip().equalsIgnoreCase("https")) {
            return true;
        }
        String forwarded = request.getHeader("Forwarded");
        return forwarded != null && forwarded.toLowerCase(Locale.ROOT).replace(" ", "").contains("proto=https");
    }
}
