package fr.rdvnumerique.atelier.ui;

import fr.rdvnumerique.base.taxonomy.AgeBand;

/**
 * The registration form's own fields as typed (who the person is and how to reach them are
 * {@code ContactFields}), before the service checks them again. What the person wants to learn is not here: that
 * group is built only when asked for (see {@code RegistrationFormPanel}).
 *
 * @param residence a commune of the structure, "elsewhere", or null
 */
public record RegistrationForm(boolean withCompanion, String companionFirstName, String companionLastName,
                               Residence residence, AgeBand ageBand, boolean wantsReminders) {

    /** Where the person lives: one of the structure's communes ({@code communeId}), or elsewhere (null id). */
    public record Residence(Long communeId, String name) {
    }

    static RegistrationForm empty() {
        return new RegistrationForm(false, "", "", null, null, true);
    }
}
