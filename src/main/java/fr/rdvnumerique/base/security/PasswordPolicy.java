package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.domain.InvalidValueException;
import java.nio.charset.StandardCharsets;

/**
 * Long passphrases rather than complex short ones (ANSSI / NIST guidance): at least {@value #MIN_LENGTH} characters,
 * and at most {@value #MAX_BYTES} bytes in UTF-8. BCrypt reads no further (Spring's encoder refuses longer ones),
 * so the policy says so in French rather than fail or silently ignore the end. An accented letter takes two bytes.
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
        return password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}
