package fr.rdvnumerique.base.security;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The codes of a second factor (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, what every authenticator app
 * reads from the QR code). The library computes the codes; this class decides which time steps count: the current
 * one and one on each side, for a phone whose clock is a little off and for the seconds it takes to type.
 */
final class TotpCodes {

    static final int DIGITS = 6;
    static final int PERIOD_SECONDS = 30;
    /** Steps accepted on each side of the current one. */
    static final int WINDOW = 1;
    static final String ISSUER = "RDV Numérique";

    private static final DefaultCodeGenerator CODES = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

    private TotpCodes() {
    }

    /** A new secret: 32 Base32 characters, 160 random bits (RFC 4226's recommended length). */
    static String newSecret() {
        return new DefaultSecretGenerator(32).generate();
    }

    /** What the QR code carries: an {@code otpauth://totp/...} address that authenticator apps understand. */
    static String uri(String secret, String accountEmail) {
        return new QrData.Builder().label(accountEmail).secret(secret).issuer(ISSUER).algorithm(HashingAlgorithm.SHA1)
                .digits(DIGITS).period(PERIOD_SECONDS).build().getUri();
    }

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The code of one time step. */
    static String code(String secret, long step) {
        try {
            return CODES.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("TOTP code not computed", e);
        }
    }

    /**
     * The time step whose code this is, if it is one of the accepted steps around {@code now}; empty for anything
     * else (wrong code, not six digits, too old). Spaces are allowed: apps show « 123 456 ».
     */
    static OptionalLong matchingStep(String secret, String typed, Instant now) {
        String code = typed == null ? "" : typed.replace(" ", "").replace("\u00a0", "").strip();
        if (secret == null || code.length() != DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = step(now);
        OptionalLong found = OptionalLong.empty();
        // Every step is computed and compared in constant time, so the answer's timing says nothing of which matched.
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII)) && found.isEmpty()) {
                found = OptionalLong.of(step);
            }
        }
        return found;
    }

    /** The secret in groups of four, easier to type into an app by hand. */
    static String grouped(String secret) {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
