package fr.rdvnumerique.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IcsTextTest {

    @Test
    void a_line_of_accents_is_folded_by_octets_and_unfolds_back() {
        String line = "DESCRIPTION:" + "é".repeat(100);
        String folded = IcsText.fold(line);
        for (String part : folded.split("\r\n")) {
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(folded).endsWith("\r\n");
        assertThat(IcsText.unfold(folded)).isEqualTo(line + "\r\n");
    }

    @Test
    void characters_outside_the_basic_plane_are_never_cut() {
        String line = "SUMMARY:" + "📅".repeat(40);
        String folded = IcsText.fold(line);
        assertThat(folded).doesNotContain("\uFFFD");
        assertThat(IcsText.unfold(folded)).isEqualTo(line + "\r\n");
        for (String part : folded.split("\r\n")) {
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
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
