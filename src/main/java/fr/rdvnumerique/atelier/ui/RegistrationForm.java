package fr.rdvnumerique.atelier.ui;

import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.util.Set;

/**
 * The registration form's own fields as typed (who the person is and how to reach them are
 * {@code ContactFields}), before the service checks them again.
 *
 * @param residence a commune of the structure, "elsewhere", or null
 */
public record RegistrationForm(boolean withCompanion, String companionFirstName, String companionLastName,
                               Residence residence, AgeBand ageBand, Set<Theme> interests, boolean wantsReminders) {

    /** Where the person lives: one of the structure's communes ({@code communeId}), or elsewhere (null id). */
    public record Residence(Long communeId, String name) {
    }

    static RegistrationForm empty() {
        return new RegistrationForm(false, "", "", null, null, Set.of(), true);
    }
}
