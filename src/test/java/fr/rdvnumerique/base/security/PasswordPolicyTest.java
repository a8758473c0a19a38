package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordPolicyTest {

    @Test
    void a_password_may_have_up_to_72_bytes_the_most_bcrypt_reads() {
        assertThatCode(() -> PasswordPolicy.check("a".repeat(72), null)).doesNotThrowAnyException();
        assertThatCode(() -> new BCryptPasswordEncoder().encode("a".repeat(72))).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("a".repeat(73), null))
                .extracting("messageKey").isEqualTo("staff.password.too-long");
    }

    @Test
    void an_accented_letter_counts_as_two_bytes() {
        assertThatCode(() -> PasswordPolicy.check("é".repeat(36), null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("é".repeat(37), null))
                .extracting("messageKey").isEqualTo("staff.password.too-long");
    }
}
