package fr.rdvnumerique.base.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a staff session ended without its owner signing out. The sign-in page says it: the reason travels in a
 * short-lived cookie ({@link #COOKIE}), since the session that could have carried it is gone.
 */
public enum SessionEnd {
    /** No user action for the idle timeout. */
    IDLE,
    /** Signed in longer ago than the maximum duration. */
    EXPIRED,
    /** The account was deactivated, its roles changed or its password reset. */
    REVOKED,
    /**
     * The session was gone before the guard could see it end: the server dropped it after the idle timeout while no
     * request came (the computer asleep, the tab in the background), or the application restarted.
     */
    GONE;

    public static final String COOKIE = "rdv-session-end";

    public String cookieValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "login.session-end." + cookieValue();
    }

    public static Optional<SessionEnd> fromCookie(String value) {
        return Arrays.stream(values()).filter(v -> v.cookieValue().equals(value)).findFirst();
    }
}
