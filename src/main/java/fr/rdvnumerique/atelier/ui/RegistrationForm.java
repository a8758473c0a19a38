package fr.rdvnumerique.atelier.ui;

import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.util.Set;

/**
 * The registration form as typed, before the service checks it again.
 *
 * @param residence a commune of the structure, "elsewhere", or null
 */
public record RegistrationForm(String firstName, String lastName, String email, String phone, boolean withCompanion,
                               String companionFirstName, String companionLastName, Residence residence,
                               AgeBand ageBand, Set<Theme> interests, boolean wantsReminders) {

    /** Where the person lives: one of the structure's communes ({@code communeId}), or elsewhere (null id). */
    public record Residence(Long communeId, String name) {
    }

    static RegistrationForm empty() {
        return new RegistrationForm("", "", "", "", false, "", "", null, null, Set.of(), true);
    }
}
