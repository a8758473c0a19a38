package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.base.domain.NoticeChoice;
import fr.rdvnumerique.notification.internal.ResidentContact;
import fr.rdvnumerique.notification.internal.ResidentContact.Way;
import org.junit.jupiter.api.Test;

class ResidentContactTest {

    static final String MOBILE = "+33612345678";
    static final String LANDLINE = "+33383123456";

    @Test
    void a_mail_address_gets_mails() {
        assertThat(new ResidentContact("A", "a@example.org", MOBILE, null).way(true)).isEqualTo(Way.EMAIL);
    }

    @Test
    void a_mobile_without_address_gets_text_messages_when_a_provider_is_set_up() {
        assertThat(new ResidentContact("A", null, MOBILE, null).way(true)).isEqualTo(Way.SMS);
    }

    @Test
    void a_mobile_without_address_is_called_when_no_provider_is_set_up() {
        assertThat(new ResidentContact("A", null, MOBILE, null).way(false)).isEqualTo(Way.CALL);
    }

    @Test
    void a_landline_without_address_is_called() {
        assertThat(new ResidentContact("A", null, LANDLINE, null).way(true)).isEqualTo(Way.CALL);
    }

    @Test
    void the_choice_made_with_staff_wins_when_it_can_be_honoured() {
        assertThat(new ResidentContact("A", "a@example.org", MOBILE, NoticeChoice.SMS).way(true)).isEqualTo(Way.SMS);
        assertThat(new ResidentContact("A", "a@example.org", MOBILE, NoticeChoice.PHONE_CALL).way(true)).isEqualTo(Way.CALL);
        assertThat(new ResidentContact("A", "a@example.org", MOBILE, NoticeChoice.NONE).way(true)).isEqualTo(Way.NONE);
        assertThat(new ResidentContact("A", "a@example.org", null, NoticeChoice.EMAIL).way(true)).isEqualTo(Way.EMAIL);
    }

    @Test
    void a_text_message_chosen_for_a_landline_becomes_a_call() {
        assertThat(new ResidentContact("A", "a@example.org", LANDLINE, NoticeChoice.SMS).way(true)).isEqualTo(Way.CALL);
    }

    @Test
    void nobody_to_tell_without_any_contact_or_by_choice() {
        assertThat(new ResidentContact("A", null, MOBILE, NoticeChoice.NONE).reachable()).isFalse();
        assertThat(new ResidentContact("A", null, LANDLINE, null).reachable()).isTrue();
    }
}
