package fr.rdvnumerique.base.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResidentTest {

    @Test
    void a_resident_is_two_names_and_a_way_to_be_reached() {
        var resident = Resident.parse("  Marie-Hélène ", "N’Diaye", "Marie@Exemple.FR", "06 12 34 56 78");
        assertThat(resident.displayName()).isEqualTo("Marie-Hélène N’Diaye");
        assertThat(resident.emailKey()).isEqualTo("marie@exemple.fr");
        assertThat(resident.phoneE164()).isEqualTo("+33612345678");
    }

    @Test
    void a_phone_alone_or_an_email_alone_is_enough() {
        assertThat(Resident.parse("Jean", "Martin", "", "06 12 34 56 78").emailKey()).isNull();
        assertThat(Resident.parse("Jean", "Martin", "jean@exemple.fr", " ").phoneE164()).isNull();
    }

    @Test
    void a_refusal_names_the_field_to_correct() {
        assertField("", "Martin", "jean@exemple.fr", null, Resident.GIVEN_NAME, "validation.required");
        assertField("Jean", "1234", "jean@exemple.fr", null, Resident.FAMILY_NAME, "validation.name.characters");
        assertField("Jean", "Martin", "jean@", null, Resident.EMAIL, "validation.email");
        assertField("Jean", "Martin", null, "12", Resident.PHONE, "validation.phone");
        assertField("Jean", "Martin", " ", "", Resident.CONTACT, "validation.contact.required");
    }

    @Test
    void a_form_gets_every_field_s_refusal_at_once_with_the_same_rules() {
        var problems = Resident.problems("1234", "", "jean@", "12");
        assertThat(problems).extracting(InvalidValueException::field)
                .containsExactly(Resident.GIVEN_NAME, Resident.FAMILY_NAME, Resident.EMAIL, Resident.PHONE);
        assertThat(problems).extracting(InvalidValueException::messageKey)
                .containsExactly("validation.name.characters", "validation.required", "validation.email", "validation.phone");
        assertThat(Resident.problems("Jean", "Martin", "", "")).extracting(InvalidValueException::field)
                .containsExactly(Resident.CONTACT);
        assertThat(Resident.problems("Jean", "Martin", null, "06 12 34 56 78")).isEmpty();
    }

    @Test
    void a_resident_always_has_both_names_and_a_contact() {
        var contact = ContactDetails.of("jean@exemple.fr", null);
        assertThatThrownBy(() -> new Resident(null, PersonName.of("Martin"), contact))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Resident(PersonName.of("Jean"), PersonName.of("Martin"), null))
                .isInstanceOf(InvalidValueException.class);
    }

    private static void assertField(String given, String family, String email, String phone, String field, String key) {
        assertThatThrownBy(() -> Resident.parse(given, family, email, phone)).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> {
                    assertThat(((InvalidValueException) e).field()).isEqualTo(field);
                    assertThat(((InvalidValueException) e).messageKey()).isEqualTo(key);
                });
    }
}
