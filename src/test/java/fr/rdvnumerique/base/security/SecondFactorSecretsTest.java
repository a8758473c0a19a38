package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Second-factor secrets sealed in their account's row when a key is configured, as they are without one otherwise. */
class SecondFactorSecretsTest {

    private static final String KEY = "a key for these tests, long enough to be accepted";

    @Test
    void with_a_key_the_row_holds_a_sealed_secret_that_opens_only_for_its_account() {
        var secrets = new SecondFactorSecrets(KEY);
        String secret = TotpCodes.newSecret();
        String sealed = secrets.seal(42, secret);

        assertThat(sealed).startsWith(SecondFactorSecrets.SEALED).doesNotContain(secret).hasSizeLessThanOrEqualTo(200);
        assertThat(secrets.seal(42, secret)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(secrets.open(42, sealed)).isEqualTo(secret);
        assertThatThrownBy(() -> secrets.open(43, sealed)).as("copied onto another account")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecondFactorSecrets("another key, just as long as the first one").open(42, sealed))
                .isInstanceOf(IllegalStateException.class);
        int at = sealed.length() - 10;
        String tampered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertThatThrownBy(() -> secrets.open(42, tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void secrets_kept_before_the_key_was_set_still_open() {
        String secret = TotpCodes.newSecret();
        assertThat(new SecondFactorSecrets(KEY).open(42, secret)).isEqualTo(secret);
        assertThat(new SecondFactorSecrets(KEY).open(42, null)).isNull();
    }

    @Test
    void without_a_key_secrets_are_kept_as_the_app_has_them_and_a_short_key_is_refused() {
        var plain = new SecondFactorSecrets("");
        String secret = TotpCodes.newSecret();
        assertThat(plain.seal(42, secret)).isEqualTo(secret);
        assertThatThrownBy(() -> plain.open(42, new SecondFactorSecrets(KEY).seal(42, secret)))
                .as("a sealed secret needs the key").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecondFactorSecrets("too short")).isInstanceOf(IllegalStateException.class);
    }
}
