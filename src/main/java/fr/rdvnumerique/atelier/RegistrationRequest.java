package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.util.Set;

/**
 * What a person types to register (web form, kiosk, or staff on their behalf). Values are checked by the
 * service with the domain's own rules; a wrong value gives an {@code InvalidValueException} whose key says
 * which rule in French.
 *
 * @param email               optional if a phone is given
 * @param phone               optional if an email is given; French or international, normalised to E.164
 * @param companionFirstName  an accompanying person (takes a second seat), or null
 * @param residenceCommuneId  a commune of the structure, or null
 * @param residesElsewhere    lives outside the structure's communes
 * @param ageBand             optional; {@link AgeBand#NON_COMMUNIQUE} allowed
 * @param interests           "ce que je veux apprendre"
 * @param kioskDeviceId       the kiosk's id (at most 64 characters), only with {@link Channel#KIOSK}
 */
public record RegistrationRequest(long sessionId, String firstName, String lastName, String email, String phone,
                                  String companionFirstName, String companionLastName, Long residenceCommuneId,
                                  boolean residesElsewhere, AgeBand ageBand, Set<Theme> interests,
                                  boolean wantsReminders, Channel channel, String kioskDeviceId) {

    public RegistrationRequest {
        interests = interests == null ? Set.of() : Set.copyOf(interests);
    }

    /** The shortest request: a name and a way to be reached. */
    public static RegistrationRequest simple(long sessionId, String firstName, String lastName, String email,
                                             String phone, Channel channel) {
        return new RegistrationRequest(sessionId, firstName, lastName, email, phone, null, null, null, false, null,
                Set.of(), true, channel, null);
    }

    public RegistrationRequest withChannel(Channel newChannel, String deviceId) {
        return new RegistrationRequest(sessionId, firstName, lastName, email, phone, companionFirstName,
                companionLastName, residenceCommuneId, residesElsewhere, ageBand, interests, wantsReminders,
                newChannel, deviceId);
    }

    public RegistrationRequest withCompanion(String first, String last) {
        return new RegistrationRequest(sessionId, firstName, lastName, email, phone, first, last, residenceCommuneId,
                residesElsewhere, ageBand, interests, wantsReminders, channel, kioskDeviceId);
    }
}
