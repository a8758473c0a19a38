package fr.rdvnumerique.atelier.domain;

import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.Resident;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.util.EnumSet;
import java.util.Set;

/**
 * The person who registers, checked: the resident (names as people write them, one way to reach them), optionally
 * one accompanying person, who takes a second seat, and what the yearly report counts.
 */
public record Participant(Resident resident, PersonName companionFirstName, PersonName companionLastName,
                          Long residenceCommuneId, boolean residesElsewhere, AgeBand ageBand, Set<Theme> interests,
                          boolean wantsReminders, fr.rdvnumerique.base.domain.NoticeChoice noticeBy) {

    /** Form fields of the atelier's own, as {@link InvalidValueException#field()} names them. */
    public static final String COMPANION = "companion";
    public static final String COMMUNE = "commune";

    public Participant {
        if (resident == null) {
            throw new InvalidValueException("validation.required");
        }
        if ((companionFirstName == null) != (companionLastName == null)) {
            throw InvalidValueException.forField(COMPANION, "atelier.registration.companion.incomplete");
        }
        if (residesElsewhere && residenceCommuneId != null) {
            throw InvalidValueException.forField(COMMUNE, "atelier.registration.commune.invalid");
        }
        interests = interests == null || interests.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(interests));
    }

    /** Without a recorded choice of how to be told (the portal, the kiosk). */
    public Participant(Resident resident, PersonName companionFirstName, PersonName companionLastName,
                       Long residenceCommuneId, boolean residesElsewhere, AgeBand ageBand, Set<Theme> interests,
                       boolean wantsReminders) {
        this(resident, companionFirstName, companionLastName, residenceCommuneId, residesElsewhere, ageBand, interests,
                wantsReminders, null);
    }

    public int seats() {
        return companionFirstName == null ? 1 : 2;
    }

    public boolean hasCompanion() {
        return companionFirstName != null;
    }
}
