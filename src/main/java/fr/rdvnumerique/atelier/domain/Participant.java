package fr.rdvnumerique.atelier.domain;

import fr.rdvnumerique.base.domain.ContactDetails;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.util.EnumSet;
import java.util.Set;

/**
 * The person who registers, checked: names as people write them, one way to reach them (email or phone,
 * normalised), and optionally one accompanying person, who takes a second seat.
 */
public record Participant(PersonName firstName, PersonName lastName, ContactDetails contact,
                          PersonName companionFirstName, PersonName companionLastName, Long residenceCommuneId,
                          boolean residesElsewhere, AgeBand ageBand, Set<Theme> interests, boolean wantsReminders) {

    public Participant {
        if (firstName == null || lastName == null || contact == null) {
            throw new InvalidValueException("validation.required");
        }
        if ((companionFirstName == null) != (companionLastName == null)) {
            throw new InvalidValueException("atelier.registration.companion.incomplete");
        }
        if (residesElsewhere && residenceCommuneId != null) {
            throw new InvalidValueException("atelier.registration.commune.invalid");
        }
        interests = interests == null || interests.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(interests));
    }

    public int seats() {
        return companionFirstName == null ? 1 : 2;
    }

    public boolean hasCompanion() {
        return companionFirstName != null;
    }
}
