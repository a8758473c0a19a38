package fr.rdvnumerique.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.notification.domain.StaffNote.Code;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffNoteTest {

    @Test
    void a_code_and_its_details_come_back_as_they_were_stored() {
        var note = StaffNote.of(Code.MAIL_SERVER_UNREACHABLE, "Connection refused");
        String stored = note.stored(500);

        assertThat(stored).startsWith("MAIL_SERVER_UNREACHABLE").doesNotContain("injoignable");
        assertThat(StaffNote.parse(stored)).isEqualTo(note);
        assertThat(StaffNote.parse(StaffNote.of(Code.REMINDER_TOO_LATE).stored(200)))
                .isEqualTo(new StaffNote(Code.REMINDER_TOO_LATE, List.of()));
    }

    @Test
    void a_french_sentence_written_before_codes_is_kept_as_it_is() {
        assertThat(StaffNote.parse("Serveur d’envoi injoignable (Connection refused)"))
                .isEqualTo(StaffNote.of(Code.TEXT, "Serveur d’envoi injoignable (Connection refused)"));
        assertThat(StaffNote.parse("Annulé")).isEqualTo(StaffNote.of(Code.TEXT, "Annulé"));
        assertThat(StaffNote.of(Code.TEXT, "Annulé").stored(200)).isEqualTo("Annulé");
    }

    @Test
    void a_code_this_version_does_not_know_is_shown_as_it_is() {
        assertThat(StaffNote.parse("SOMETHING_LATER\u001Fdetail"))
                .isEqualTo(StaffNote.of(Code.TEXT, "SOMETHING_LATER\u001Fdetail"));
        assertThat(StaffNote.parse(null)).isNull();
    }

    @Test
    void a_long_detail_is_cut_to_the_column_and_the_code_stays_whole() {
        var note = StaffNote.of(Code.MAIL_REFUSED, "x".repeat(600));
        String stored = note.stored(500);

        assertThat(stored).hasSize(500).endsWith("…");
        assertThat(StaffNote.parse(stored).code()).isEqualTo(Code.MAIL_REFUSED);
    }

    @Test
    void details_are_one_line() {
        var note = StaffNote.of(Code.REMINDER_ERROR, "IllegalStateException line one\n\tat Somewhere.run");

        assertThat(note.arguments()).containsExactly("IllegalStateException line one at Somewhere.run");
    }
}
