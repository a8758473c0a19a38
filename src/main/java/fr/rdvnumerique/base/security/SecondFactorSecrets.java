package fr.rdvnumerique.base.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How a second factor's secret is kept in its account's row (ADR 020). With {@code rdv.staff.second-factor-key}
 * ({@code RDV_STAFF_SECOND_FACTOR_KEY}, kept away from the database's backups) it is sealed with AES-256-GCM, bound to
 * its account's id, so a leaked dump or backup gives no codes and a sealed secret copied onto another account does not
 * open. Without the key it is kept as the authenticator app has it. Secrets kept before the key was set still open
 * (they have no prefix) and are sealed at their next setup.
 */
@Component
class SecondFactorSecrets {

    static final String SEALED = "gcm1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_KEY_LENGTH = 32;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecondFactorSecrets(@Value("${rdv.staff.second-factor-key:}") String configured) {
        if (configured == null || configured.isBlank()) {
            this.key = null;
        } else if (configured.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("rdv.staff.second-factor-key must have at least " + MIN_KEY_LENGTH
                    + " characters");
        } else {
            this.key = new SecretKeySpec(sha256(configured), "AES");
        }
    }

    String seal(long accountId, String secret) {
        if (key == null) {
            return secret;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(owner(accountId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return SEALED + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Second factor secret not sealed", e);
        }
    }

    /** The secret as stored for this account, opened; null when it has none. */
    String open(long accountId, String stored) {
        if (stored == null || !stored.startsWith(SEALED)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException("A sealed second factor secret needs rdv.staff.second-factor-key");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(owner(accountId));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Second factor secret of account " + accountId + " does not open", e);
        }
    }

    private static byte[] owner(long accountId) {
        return ("staff_account:" + accountId).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
