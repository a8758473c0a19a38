package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.notification.internal.CalendarMethod;
import fr.rdvnumerique.notification.internal.MailContent;
import fr.rdvnumerique.notification.internal.MailRequest;
import fr.rdvnumerique.notification.internal.MessageKind;
import fr.rdvnumerique.notification.internal.Recipient;
import fr.rdvnumerique.notification.internal.ReminderOffsets;
import fr.rdvnumerique.notification.internal.SubjectRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailRequestTest {

    static MailRequest request(String email, int sequence) {
        return MailRequest.of(MessageKind.APPOINTMENT_BOOKED, 3, SubjectRef.of("APPOINTMENT", 7), sequence,
                Recipient.of(email, "Jean"), MailContent.notice("Objet", "Titre", java.util.List.of()), null);
    }

    @Test
    void the_same_message_has_the_same_key_whatever_the_case_of_the_address() {
        assertThat(request("Jean.Martin@Exemple.FR", 0).dedupKey())
                .isEqualTo(request("jean.martin@exemple.fr", 0).dedupKey())
                .isEqualTo("APPOINTMENT_BOOKED:APPOINTMENT:7:0:jean.martin@exemple.fr");
        assertThat(request("jean.martin@exemple.fr", 1).dedupKey()).as("a change is another message")
                .isNotEqualTo(request("jean.martin@exemple.fr", 0).dedupKey());
        assertThat(request("jean.martin@exemple.fr", 0).withDiscriminator("rappel-2880-1").dedupKey())
                .endsWith(":rappel-2880-1");
    }

    @Test
    void an_invitation_needs_an_event() {
        assertThatThrownBy(() -> MailRequest.of(MessageKind.APPOINTMENT_BOOKED, 3, SubjectRef.of("APPOINTMENT", 7), 0,
                Recipient.of("a@b.fr", null), MailContent.notice("Objet", "Titre", java.util.List.of()),
                CalendarMethod.REQUEST)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subject_types_are_codes() {
        assertThat(SubjectRef.of("ATELIER_REGISTRATION", 42).slug()).isEqualTo("atelier-registration-42");
        assertThatThrownBy(() -> SubjectRef.of("atelier", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void staff_type_reminder_offsets_in_hours() {
        assertThat(ReminderOffsets.parseHours("24, 48")).containsExactly(Duration.ofHours(48), Duration.ofHours(24));
        assertThat(ReminderOffsets.parseHours(" ")).isEmpty();
        assertThat(ReminderOffsets.formatHours(ReminderOffsets.parseHours("48;24"))).isEqualTo("48, 24");
        assertThatThrownBy(() -> ReminderOffsets.parseHours("48, demain")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ReminderOffsets.parseHours("0")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ReminderOffsets.parseHours("1,2,3,4,5")).isInstanceOf(InvalidValueException.class);
    }
}
