package fr.rdvnumerique.base.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContactDetailsTest {

    @Test
    void a_phone_alone_is_enough() {
        var contact = ContactDetails.of("", "06 12 34 56 78");
        assertThat(contact.email()).isNull();
        assertThat(contact.phone().e164()).isEqualTo("+33612345678");
    }

    @Test
    void an_email_alone_is_enough() {
        var contact = ContactDetails.of("Marie.Dupont@Exemple.FR", null);
        assertThat(contact.email().value()).isEqualTo("Marie.Dupont@exemple.fr");
        assertThat(contact.email().canonical()).isEqualTo("marie.dupont@exemple.fr");
    }

    @Test
    void neither_email_nor_phone_is_refused() {
        assertThatThrownBy(() -> ContactDetails.of(" ", "")).isInstanceOf(InvalidValueException.class)
                .extracting("messageKey").isEqualTo("validation.contact.required");
    }

    @Test
    void french_phone_numbers_are_normalised_whatever_the_typing() {
        assertThat(PhoneNumber.parse("06.12.34.56.78").e164()).isEqualTo("+33612345678");
        assertThat(PhoneNumber.parse("+33 6 12 34 56 78").e164()).isEqualTo("+33612345678");
        assertThat(PhoneNumber.parse("0033612345678").e164()).isEqualTo("+33612345678");
        assertThat(PhoneNumber.parse("03 83 25 00 00").display()).isEqualTo("03 83 25 00 00");
    }

    @Test
    void foreign_numbers_keep_their_country() {
        assertThat(PhoneNumber.parse("+32 470 12 34 56").display()).isEqualTo("+32 470 12 34 56");
    }

    @Test
    void impossible_phone_numbers_are_refused() {
        assertThatThrownBy(() -> PhoneNumber.parse("12")).isInstanceOf(InvalidValueException.class)
                .extracting("messageKey").isEqualTo("validation.phone");
        assertThatThrownBy(() -> PhoneNumber.parse("06 12 34")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PhoneNumber.parse("bonjour")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void malformed_emails_are_refused() {
        for (String bad : new String[] {"marie", "marie@", "@exemple.fr", "marie@exemple", "ma rie@exemple.fr",
                "marie..dupont@exemple.fr", "<b>@exemple.fr"}) {
            assertThatThrownBy(() -> EmailAddress.of(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
    }
}
