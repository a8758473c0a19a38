package fr.rdvnumerique.base.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void html_is_kept_as_typed_text() {
        assertThat(Texts.required("<b>Atelier</b> & co", 100)).isEqualTo("<b>Atelier</b> & co");
    }

    @Test
    void blank_optional_text_becomes_null() {
        assertThat(Texts.optional("  ", 10)).isNull();
    }

    @Test
    void control_characters_are_refused_but_new_lines_are_kept() {
        assertThat(Texts.optional("ligne 1\nligne 2", 100)).isEqualTo("ligne 1\nligne 2");
        assertThatThrownBy(() -> Texts.optional("a\u0000b", 100)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void over_long_text_is_refused_with_the_limit() {
        assertThatThrownBy(() -> Texts.required("x".repeat(10_000), 300)).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).arguments()).containsExactly(300));
    }
}
