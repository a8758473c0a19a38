package fr.rdvnumerique.atelier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.base.domain.ContactDetails;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.Resident;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One registration per contact and session, and a cap on upcoming registrations per contact. */
class ContactRulesTest {

    static Participant person(String email, String phone) {
        return new Participant(new Resident(PersonName.of("Claire"), PersonName.of("Roux"), ContactDetails.of(email, phone)), null, null,
                null, false, null, Set.of(), true);
    }

    @Test
    void the_same_email_written_in_capitals_or_the_same_phone_is_the_same_person() {
        var session = AtelierSessionTest.session(5);
        Registration existing = session.register(person("Claire.Roux@Exemple.fr", "06 12 34 56 78"), Origin.web("192.0.2.1"),
                AtelierSessionTest.NOW).registration();
        var rules = new ContactRules(List.of(existing), List.of(), 6);
        assertThat(rules.alreadyRegistered(person("claire.roux@exemple.fr", null))).contains(existing);
        assertThat(rules.alreadyRegistered(person(null, "+33 6 12 34 56 78"))).contains(existing);
        assertThat(rules.alreadyRegistered(person("autre@exemple.fr", "06 98 76 54 32"))).isEmpty();
    }

    @Test
    void a_registration_made_in_the_same_group_counts_at_once() {
        var session = AtelierSessionTest.session(5);
        var rules = new ContactRules(List.of(), List.of(), 6);
        Registration made = session.register(person("a@exemple.fr", null), Origin.web("192.0.2.1"), AtelierSessionTest.NOW).registration();
        rules.registered(made);
        assertThat(rules.alreadyRegistered(person("A@exemple.fr", null))).contains(made);
    }

    @Test
    void the_cap_counts_each_registration_once_whether_found_by_email_or_phone() {
        var holdings = List.of(new ContactRules.Holding(1, "a@exemple.fr", "+33612345678"),
                new ContactRules.Holding(2, "a@exemple.fr", null), new ContactRules.Holding(3, null, "+33612345678"));
        assertThat(new ContactRules(List.of(), holdings, 3).atCap(person("a@exemple.fr", "06 12 34 56 78"))).isTrue();
        assertThat(new ContactRules(List.of(), holdings, 4).atCap(person("a@exemple.fr", "06 12 34 56 78"))).isFalse();
        assertThat(new ContactRules(List.of(), holdings, 3).atCap(person("a@exemple.fr", null))).isFalse();
    }
}
