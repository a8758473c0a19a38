package fr.rdvnumerique.base.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.domain.InvalidValueException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void a_password_bcrypt_would_cut_is_refused_by_its_length_in_bytes() {
        assertThatCode(() -> PasswordPolicy.check("a".repeat(72), null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("a".repeat(73), null)).isInstanceOf(InvalidValueException.class)
                .extracting("messageKey").isEqualTo("staff.password.too-long");
        // 40 letters "é" are 40 characters but 80 bytes.
        assertThatThrownBy(() -> PasswordPolicy.check("é".repeat(40), null)).extracting("messageKey")
                .isEqualTo("staff.password.too-long");
    }

    @Test
    void twelve_characters_at_least() {
        assertThatThrownBy(() -> PasswordPolicy.check("onze lettre", null)).extracting("messageKey")
                .isEqualTo("staff.password.too-short");
    }
}
