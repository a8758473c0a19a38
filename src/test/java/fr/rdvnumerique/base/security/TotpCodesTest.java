package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The codes of a second factor, as RFC 6238 computes them and as this application accepts them. */
class TotpCodesTest {

    /** RFC 6238, appendix B: the SHA-1 secret "12345678901234567890", in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final Instant NOW = Instant.parse("2026-12-07T14:00:10Z");

    @Test
    void codes_are_those_of_rfc_6238() {
        // Appendix B gives 8 digits; the 6-digit code is their last six.
        assertThat(TotpCodes.code(RFC_SECRET, TotpCodes.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(TotpCodes.code(RFC_SECRET, TotpCodes.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(TotpCodes.code(RFC_SECRET, TotpCodes.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
    }

    @Test
    void the_code_of_the_current_step_is_valid_and_names_its_step() {
        String secret = TotpCodes.newSecret();
        String code = TotpCodes.code(secret, TotpCodes.step(NOW));
        assertThat(TotpCodes.matchingStep(secret, code, NOW)).hasValue(TotpCodes.step(NOW));
        assertThat(TotpCodes.matchingStep(secret, code.substring(0, 3) + " " + code.substring(3), NOW))
                .as("typed as the app shows it").hasValue(TotpCodes.step(NOW));
    }

    @Test
    void a_wrong_code_is_refused() {
        String secret = TotpCodes.newSecret();
        String right = TotpCodes.code(secret, TotpCodes.step(NOW));
        String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
        assertThat(TotpCodes.matchingStep(secret, wrong, NOW)).isEmpty();
        assertThat(TotpCodes.matchingStep(secret, "", NOW)).isEmpty();
        assertThat(TotpCodes.matchingStep(secret, right.substring(0, 5), NOW)).as("five digits").isEmpty();
        assertThat(TotpCodes.matchingStep(secret, "12a456", NOW)).isEmpty();
        assertThat(TotpCodes.matchingStep(TotpCodes.newSecret(), right, NOW)).as("another account's secret").isEmpty();
    }

    @Test
    void one_step_either_side_is_accepted_two_are_not() {
        String secret = TotpCodes.newSecret();
        long step = TotpCodes.step(NOW);
        assertThat(TotpCodes.matchingStep(secret, TotpCodes.code(secret, step - 1), NOW)).as("30 s late").hasValue(step - 1);
        assertThat(TotpCodes.matchingStep(secret, TotpCodes.code(secret, step + 1), NOW)).as("phone 30 s ahead")
                .hasValue(step + 1);
        assertThat(TotpCodes.matchingStep(secret, TotpCodes.code(secret, step - 2), NOW)).as("a minute late").isEmpty();
        assertThat(TotpCodes.matchingStep(secret, TotpCodes.code(secret, step + 2), NOW)).isEmpty();
    }

    @Test
    void the_qr_code_carries_an_otpauth_address_and_the_key_is_typed_in_groups() {
        String secret = TotpCodes.newSecret();
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(TotpCodes.uri(secret, "camille@exemple.fr")).startsWith("otpauth://totp/")
                .contains("secret=" + secret, "digits=6", "period=30", "algorithm=SHA1");
        assertThat(TotpCodes.grouped("ABCDEFGHIJKL")).isEqualTo("ABCD EFGH IJKL");
    }
}
