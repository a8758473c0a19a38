package fr.rdvnumerique.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.domain.ContactDetails;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.Resident;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who registers: a name, a way to be reached, maybe one accompanying person and where they live. */
class ParticipantTest {

    private static final ContactDetails CONTACT = ContactDetails.of("claire@exemple.fr", null);

    private static Participant participant(PersonName companionFirst, PersonName companionLast, Long communeId,
                                           boolean elsewhere) {
        return new Participant(new Resident(PersonName.of("Claire"), PersonName.of("Roux"), CONTACT), companionFirst, companionLast,
                communeId, elsewhere, null, Set.of(), true);
    }

    @Test
    void a_person_alone_takes_one_seat() {
        var alone = participant(null, null, null, false);
        assertThat(alone.seats()).isEqualTo(1);
        assertThat(alone.hasCompanion()).isFalse();
    }

    @Test
    void an_accompanying_person_with_both_names_takes_a_second_seat() {
        var pair = participant(PersonName.of("Paul"), PersonName.of("Roux"), null, false);
        assertThat(pair.seats()).isEqualTo(2);
        assertThat(pair.hasCompanion()).isTrue();
    }

    @Test
    void an_accompanying_person_needs_a_first_and_a_last_name() {
        assertThatThrownBy(() -> participant(PersonName.of("Paul"), null, null, false))
                .isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", "atelier.registration.companion.incomplete");
        assertThatThrownBy(() -> participant(null, PersonName.of("Roux"), null, false))
                .isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", "atelier.registration.companion.incomplete");
    }

    @Test
    void a_commune_of_the_structure_and_elsewhere_exclude_each_other() {
        assertThatThrownBy(() -> participant(null, null, 12L, true))
                .isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", "atelier.registration.commune.invalid");
        assertThat(participant(null, null, 12L, false).residenceCommuneId()).isEqualTo(12L);
        assertThat(participant(null, null, null, true).residesElsewhere()).isTrue();
        assertThat(participant(null, null, null, false).residenceCommuneId()).isNull();
    }

    @Test
    void a_name_and_a_way_to_be_reached_are_required() {
        assertThatThrownBy(() -> new Participant(new Resident(null, PersonName.of("Roux"), CONTACT), null, null, null, false, null,
                Set.of(), true)).hasFieldOrPropertyWithValue("messageKey", "validation.required");
        assertThatThrownBy(() -> new Participant(new Resident(PersonName.of("Claire"), PersonName.of("Roux"), null), null, null, null,
                false, null, Set.of(), true)).hasFieldOrPropertyWithValue("messageKey", "validation.required");
    }

    @Test
    void wishes_are_copied_so_later_changes_do_not_leak_in() {
        var wishes = new HashSet<>(Set.of(Theme.EMAIL));
        var person = new Participant(new Resident(PersonName.of("Claire"), PersonName.of("Roux"), CONTACT), null, null, null, false,
                null, wishes, true);
        wishes.add(Theme.SANTE);
        assertThat(person.interests()).containsExactly(Theme.EMAIL);
        assertThat(new Participant(new Resident(PersonName.of("Claire"), PersonName.of("Roux"), CONTACT), null, null, null, false,
                null, null, true).interests()).isEmpty();
    }
}
