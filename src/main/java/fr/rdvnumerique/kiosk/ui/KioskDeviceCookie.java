package fr.rdvnumerique.kiosk.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import fr.rdvnumerique.territory.KioskAccess;
import fr.rdvnumerique.territory.KioskDevices;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The screen keeps its own secret (created by the activation) in a cookie that outlives every visitor's
 * session: resetting the kiosk ends the session, not the enrolment. HttpOnly (no script reads it),
 * SameSite=Strict, and Secure whenever the browser reached us over HTTPS — directly, or through a TLS proxy that
 * says so.
 *
 * <p>Browsers cap a cookie's life (Chromium: 400 days, whatever Max-Age asks), so the cookie is written again
 * with a full life each time the screen is found enrolled: a kiosk in use never reaches the cap, and only one left
 * off for more than 400 days needs to be equipped again.
 */
final class KioskDeviceCookie {

    static final String NAME = "rdv-borne";
    /** Chromium's cap since version 104: asking for more is silently cut to this. */
    static final Duration LIFE = Duration.ofDays(400);

    private KioskDeviceCookie() {
    }

    /**
     * What the screen this browser is may do now, asked again each time (not remembered), so a revoked or
     * switched-off screen stops at its next registration. A screen still enrolled gets its cookie renewed.
     */
    static KioskAccess current(KioskDevices devices) {
        Optional<String> secret = read();
        if (secret.isEmpty()) {
            return KioskAccess.notEnrolled();
        }
        KioskAccess access = devices.resolve(secret.get());
        if (!(access instanceof KioskAccess.NotEnrolled)) {
            write(secret.get());
        }
        return access;
    }

    static Optional<String> read() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(c -> NAME.equals(c.getName())).map(Cookie::getValue).findFirst();
    }

    static void write(String secret) {
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            response.addCookie(cookie(secret, secure(VaadinRequest.getCurrent())));
        }
    }

    static Cookie cookie(String secret, boolean secure) {
        var cookie = new Cookie(NAME, secret);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setMaxAge((int) LIFE.toSeconds());
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
