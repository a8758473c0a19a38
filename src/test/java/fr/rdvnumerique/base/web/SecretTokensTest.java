package fr.rdvnumerique.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class SecretTokensTest {

    @Test
    void tokens_carry_256_random_bits_in_url_safe_text() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            String token = SecretTokens.generate();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(SecretTokens.looksValid(token)).isTrue();
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void only_the_hash_is_stored_and_it_is_stable() {
        String token = SecretTokens.generate();
        assertThat(SecretTokens.hash(token)).hasSize(64).isEqualTo(SecretTokens.hash(token)).doesNotContain(token);
    }

    @Test
    void malformed_tokens_are_rejected_before_any_lookup() {
        assertThat(SecretTokens.looksValid("1")).isFalse();
        assertThat(SecretTokens.looksValid("' or 1=1 --" + "x".repeat(32))).isFalse();
        assertThat(SecretTokens.looksValid(null)).isFalse();
    }
}
