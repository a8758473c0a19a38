package fr.rdvnumerique.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Gsm7Test {

    @Test
    void french_text_keeps_the_accents_the_alphabet_has_and_drops_the_others() {
        String text = Gsm7.normalize("L’atelier « Être à l’aise » : déplacé, ça change. Où ? Là.");
        assertThat(text).isEqualTo("L'atelier \"Etre à l'aise\" : déplacé, ca change. Où ? Là.");
        assertThat(Gsm7.fits(text)).isTrue();
    }

    @Test
    void a_short_text_is_one_message_and_a_long_one_is_counted_in_parts() {
        assertThat(Gsm7.segments("a".repeat(160))).isEqualTo(1);
        assertThat(Gsm7.segments("a".repeat(161))).isEqualTo(2);
        assertThat(Gsm7.segments("€".repeat(71))).isEqualTo(2);
    }
}
