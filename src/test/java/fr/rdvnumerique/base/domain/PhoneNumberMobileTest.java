package fr.rdvnumerique.base.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberMobileTest {

    @Test
    void french_mobiles_start_with_06_or_07_in_either_form() {
        assertThat(PhoneNumber.parse("06 12 34 56 78").isMobile()).isTrue();
        assertThat(PhoneNumber.parse("+33 7 81 23 45 67").isMobile()).isTrue();
        assertThat(PhoneNumber.parse("0033612345678").isMobile()).isTrue();
    }

    @Test
    void landlines_and_internet_boxes_get_no_text_message() {
        assertThat(PhoneNumber.parse("03 83 12 34 56").isMobile()).isFalse();
        assertThat(PhoneNumber.parse("+33 1 42 68 53 00").isMobile()).isFalse();
        assertThat(PhoneNumber.parse("09 51 23 45 67").isMobile()).isFalse();
    }

    @Test
    void staff_choices_say_what_they_need() {
        var landline = ContactDetails.of(null, "03 83 12 34 56");
        assertThat(NoticeChoice.SMS.missing(landline)).isEqualTo("notice-choice.needs-mobile");
        assertThat(NoticeChoice.EMAIL.missing(landline)).isEqualTo("notice-choice.needs-email");
        assertThat(NoticeChoice.PHONE_CALL.missing(landline)).isNull();
        assertThat(NoticeChoice.NONE.missing(landline)).isNull();
    }
}
