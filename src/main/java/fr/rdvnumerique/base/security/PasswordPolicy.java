package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.domain.InvalidValueException;

/**
 * Long passphrases rather than complex short ones (ANSSI / NIST guidance): at least 12 characters, and at most
 * {@value #MAX_BYTES} bytes in UTF-8: BCrypt reads no further (Spring refuses longer ones), so the policy says so
 * rather than silently ignoring the end. An accented letter takes two bytes.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** What BCrypt reads. */
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    public static void check(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidValueException("staff.password.too-short", MIN_LENGTH);
        }
        if (tooLong(password)) {
            throw new InvalidValueException("staff.password.too-long", MAX_BYTES);
        }
        if (email != null && password.equalsIgnoreCase(email)) {
            throw new InvalidValueException("staff.password.same-as-email");
        }
    }

    public static boolean tooLong(String password) {
        return password != null && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}
