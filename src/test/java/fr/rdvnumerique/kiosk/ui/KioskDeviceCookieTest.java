package fr.rdvnumerique.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The enrolment cookie: never readable by scripts, never sent cross-site, Secure whenever the browser uses HTTPS. */
class KioskDeviceCookieTest {

    private static VaadinServletRequest request(String scheme, String header, String value) {
        var http = new MockHttpServletRequest("GET", "/kiosk/activer/x");
        http.setScheme(scheme);
        http.setSecure("https".equals(scheme));
        if (header != null) {
            http.addHeader(header, value);
        }
        return new VaadinServletRequest(http, null);
    }

    @Test
    void the_cookie_is_http_only_strict_and_lives_as_long_as_chromium_allows() {
        var cookie = KioskDeviceCookie.cookie("secret", true);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSecure()).isTrue();
        assertThat(cookie.getAttribute("SameSite")).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getMaxAge()).as("400 days: more would be cut silently").isEqualTo(400 * 24 * 3600);
    }

    @Test
    void secure_over_https_directly_or_behind_a_tls_proxy() {
        assertThat(KioskDeviceCookie.secure(request("https", null, null))).isTrue();
        assertThat(KioskDeviceCookie.secure(request("http", "X-Forwarded-Proto", "https"))).isTrue();
        assertThat(KioskDeviceCookie.secure(request("http", "X-Forwarded-Proto", "https, http"))).isTrue();
        assertThat(KioskDeviceCookie.secure(request("http", "Forwarded", "for=192.0.2.1; Proto=HTTPS"))).isTrue();
    }

    @Test
    void not_secure_on_plain_http_so_a_kiosk_on_a_local_network_still_works() {
        assertThat(KioskDeviceCookie.secure(request("http", null, null))).isFalse();
        assertThat(KioskDeviceCookie.secure(request("http", "X-Forwarded-Proto", "http"))).isFalse();
        assertThat(KioskDeviceCookie.secure(null)).isFalse();
    }
}
