package fr.rdvnumerique.base.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void accents_apostrophes_and_hyphens_are_accepted() {
        assertThat(PersonName.of("Marie-Hélène").value()).isEqualTo("Marie-Hélène");
        assertThat(PersonName.of("N'Diaye").value()).isEqualTo("N'Diaye");
        assertThat(PersonName.of("N’Diaye").value()).isEqualTo("N’Diaye");
        assertThat(PersonName.of("de La Tour d'Auvergne").value()).isEqualTo("de La Tour d'Auvergne");
        assertThat(PersonName.of("Łukasz").value()).isEqualTo("Łukasz");
    }

    @Test
    void surrounding_and_repeated_spaces_are_tidied() {
        assertThat(PersonName.of("  Jean   Paul  ").value()).isEqualTo("Jean Paul");
    }

    @Test
    void a_blank_name_is_refused() {
        assertThatThrownBy(() -> PersonName.of("   ")).isInstanceOf(InvalidValueException.class)
                .extracting("messageKey").isEqualTo("validation.required");
    }

    @Test
    void markup_is_refused_in_names() {
        assertThatThrownBy(() -> PersonName.of("<script>alert(1)</script>"))
                .isInstanceOf(InvalidValueException.class).extracting("messageKey").isEqualTo("validation.name.characters");
    }

    @Test
    void ten_thousand_characters_are_refused() {
        assertThatThrownBy(() -> PersonName.of("a".repeat(10_000))).isInstanceOf(InvalidValueException.class)
                .extracting("messageKey").isEqualTo("validation.too-long");
    }
}
