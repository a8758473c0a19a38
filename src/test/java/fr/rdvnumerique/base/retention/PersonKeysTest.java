package fr.rdvnumerique.base.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.domain.ContactDetails;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PersonKeysTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
    private final PersonKeys keys = new PersonKeys(SECRET);

    @Test
    void the_same_address_written_another_way_is_the_same_person() {
        assertThat(keys.of(ContactDetails.of("Jeanne.Martin@Exemple.FR", null)))
                .isEqualTo(keys.of(ContactDetails.of("jeanne.martin@exemple.fr", "06 12 34 56 78")))
                .hasSize(PersonKeys.LENGTH).matches("[0-9a-f]+");
        assertThat(keys.of(ContactDetails.of(null, "06 12 34 56 78"))).isEqualTo(keys.of(null, "+33612345678"));
    }

    @Test
    void the_email_decides_when_there_is_one_and_nothing_gives_no_key() {
        assertThat(keys.of("jeanne@exemple.fr", "+33612345678")).isEqualTo(keys.of("jeanne@exemple.fr", null))
                .isNotEqualTo(keys.of(null, "+33612345678"));
        assertThat(keys.of(null, null)).isNull();
    }

    @Test
    void without_the_secret_nobody_can_compute_a_key() {
        assertThat(new PersonKeys(SECRET + "!").of("jeanne@exemple.fr", null)).isNotEqualTo(keys.of("jeanne@exemple.fr", null));
        assertThat(keys.of("jeanne@exemple.fr", null)).doesNotContain("jeanne");
    }

    @Test
    void an_unlinked_key_belongs_to_nobody() {
        assertThat(PersonKeys.unlinked()).hasSize(PersonKeys.LENGTH).isNotEqualTo(PersonKeys.unlinked());
    }

    @Test
    void a_server_database_without_a_secret_stops_the_start_with_a_clear_message() {
        var server = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:mariadb://db/rdv");
        assertThatThrownBy(() -> new PersonKeys(server)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RDV_PERSON_KEY_SECRET is not set");
        assertThatThrownBy(() -> new PersonKeys(server.withProperty("rdv.person-key.secret", "short")))
                .hasMessageContaining("at least 32 characters");
        assertThat(new PersonKeys(new MockEnvironment()).of("a@b.fr", null)).as("the embedded demo run")
                .isEqualTo(new PersonKeys(PersonKeys.DEVELOPMENT_SECRET).of("a@b.fr", null));
    }
}
