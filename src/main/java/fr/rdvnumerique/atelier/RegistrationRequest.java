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
 * @param acceptWaitingList   true (the default): put on the waiting list when full; false: "a confirmed seat
 *                            only", answered {@link RegistrationResult.Rejected} with
 *                            {@code atelier.registration.refused.no-seat} instead, so nobody is put on a waiting
 *                            list they did not ask for (the kiosk showed a free seat that went meanwhile)
 */
public record RegistrationRequest(long sessionId, String firstName, String lastName, String email, String phone,
                                  String companionFirstName, String companionLastName, Long residenceCommuneId,
                                  boolean residesElsewhere, AgeBand ageBand, Set<Theme> interests,
                                  boolean wantsReminders, Channel channel, String kioskDeviceId,
                                  boolean acceptWaitingList) {

    public RegistrationRequest {
        interests = interests == null ? Set.of() : Set.copyOf(interests);
    }

    /** A request that accepts the waiting list when the session is full. */
    public RegistrationRequest(long sessionId, String firstName, String lastName, String email, String phone,
                               String companionFirstName, String companionLastName, Long residenceCommuneId,
                               boolean residesElsewhere, AgeBand ageBand, Set<Theme> interests,
                               boolean wantsReminders, Channel channel, String kioskDeviceId) {
        this(sessionId, firstName, lastName, email, phone, companionFirstName, companionLastName, residenceCommuneId,
                residesElsewhere, ageBand, interests, wantsReminders, channel, kioskDeviceId, true);
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
                newChannel, deviceId, acceptWaitingList);
    }

    public RegistrationRequest withCompanion(String first, String last) {
        return new RegistrationRequest(sessionId, firstName, lastName, email, phone, first, last, residenceCommuneId,
                residesElsewhere, ageBand, interests, wantsReminders, channel, kioskDeviceId, acceptWaitingList);
    }

    /** The same request, with or without the waiting list when no seat is free. */
    public RegistrationRequest acceptingWaitingList(boolean accept) {
        return new RegistrationRequest(sessionId, firstName, lastName, email, phone, companionFirstName,
                companionLastName, residenceCommuneId, residesElsewhere, ageBand, interests, wantsReminders, channel,
                kioskDeviceId, accept);
    }
}
