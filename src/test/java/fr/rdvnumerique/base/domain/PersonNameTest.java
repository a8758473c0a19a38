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
    void markup_is_kept_as_plain_text_to_be_escaped_where_shown() {
        assertThat(PersonName.of("<script>alert(1)</script>").value()).isEqualTo("<script>alert(1)</script>");
        assertThat(PersonName.of("Nguyễn Văn <b>An</b>").value()).isEqualTo("Nguyễn Văn <b>An</b>");
    }

    @Test
    void a_name_without_any_letter_is_refused() {
        assertThatThrownBy(() -> PersonName.of("12 34 !")).isInstanceOf(InvalidValueException.class)
                .extracting("messageKey").isEqualTo("validation.name.characters");
        assertThatThrownBy(() -> PersonName.of("<>")).isInstanceOf(InvalidValueException.class)
                .extracting("messageKey").isEqualTo("validation.name.characters");
    }

    @Test
    void control_and_direction_override_characters_are_refused() {
        assertThatThrownBy(() -> PersonName.of("Jean\u0000")).isInstanceOf(InvalidValueException.class)
                .extracting("messageKey").isEqualTo("validation.control-characters");
        assertThatThrownBy(() -> PersonName.of("Jean\u202Eenarf")).isInstanceOf(InvalidValueException.class)
                .extracting("messageKey").isEqualTo("validation.control-characters");
    }

    @Test
    void ten_thousand_characters_are_refused() {
        assertThatThrownBy(() -> PersonName.of("a".repeat(10_000))).isInstanceOf(InvalidValueException.class)
                .extracting("messageKey").isEqualTo("validation.too-long");
    }
}
