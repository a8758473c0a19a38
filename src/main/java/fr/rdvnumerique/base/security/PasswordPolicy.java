package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.domain.InvalidValueException;

/** Long passphrases rather than complex short ones (ANSSI / NIST guidance): at least 12 characters. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    public static void check(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidValueException("staff.password.too-short", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidValueException("validation.too-long", MAX_LENGTH);
        }
        if (email != null && password.equalsIgnoreCase(email)) {
            throw new InvalidValueException("staff.password.same-as-email");
        }
    }
}
