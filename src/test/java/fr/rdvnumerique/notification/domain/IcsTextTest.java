package fr.rdvnumerique.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IcsTextTest {

    @Test
    void a_line_of_accents_is_folded_by_octets_and_unfolds_back() {
        String line = "DESCRIPTION:" + "é".repeat(100);
        String folded = IcsText.fold(line);
        IcsLines.assertRfc5545Lines(folded);
        assertThat(folded.split("\r\n")).hasSizeGreaterThan(2);
        assertThat(IcsText.unfold(folded)).isEqualTo(line + "\r\n");
    }

    @Test
    void characters_outside_the_basic_plane_are_never_cut() {
        // 📅 is four octets (two Java chars): 8 + 4 × 40 octets cannot fold at 75 without landing inside one.
        String line = "SUMMARY:" + "📅".repeat(40);
        String folded = IcsText.fold(line);
        IcsLines.assertRfc5545Lines(folded);
        assertThat(IcsText.unfold(folded)).isEqualTo(line + "\r\n");
    }

    @Test
    void the_line_check_sees_a_character_cut_in_two() {
        // The same check must fail on text folded by characters instead of octets, or it proves nothing.
        byte[] emoji = "📅".getBytes(StandardCharsets.UTF_8);
        var cut = new java.io.ByteArrayOutputStream();
        cut.writeBytes("SUMMARY:".getBytes(StandardCharsets.UTF_8));
        cut.write(emoji, 0, 2);
        cut.writeBytes("\r\n ".getBytes(StandardCharsets.UTF_8));
        cut.write(emoji, 2, 2);
        cut.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> IcsLines.assertRfc5545Lines(cut.toByteArray())).isInstanceOf(AssertionError.class)
                .hasMessageContaining("inside a character");
    }

    @Test
    void short_lines_stay_as_they_are() {
        assertThat(IcsText.fold("BEGIN:VCALENDAR\nVERSION:2.0\n")).isEqualTo("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
    }

    @Test
    void text_values_escape_backslashes_commas_semicolons_and_new_lines() {
        assertThat(IcsText.escapeText("a\\b, c; d\ne")).isEqualTo("a\\\\b\\, c\\; d\\ne");
    }
}
