package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.domain.NoticeChoice;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.util.Set;

/**
 * What a person types to register (web form, kiosk, or staff on their behalf), as typed: the service parses it
 * with the domain's own rules and answers {@code PlaceResult.Invalid} naming the field to correct.
 *
 * @param email               optional if a phone is given
 * @param phone               optional if an email is given; French or international, normalised to E.164
 * @param companionGivenName  an accompanying person (takes a second seat), or null
 * @param residenceCommuneId  a commune of the structure, or null
 * @param residesElsewhere    lives outside the structure's communes
 * @param ageBand             optional; {@link AgeBand#NON_COMMUNIQUE} allowed
 * @param interests           "ce que je veux apprendre"
 * @param origin              web (client address), kiosk (its id) or staff
 * @param acceptWaitingList   true (the default): put on the waiting list when full; false: "a confirmed seat
 *                            only", answered {@code SlotTaken} instead, so nobody is put on a waiting list they did
 *                            not ask for (the kiosk showed a free seat that went meanwhile)
 */
public record RegistrationRequest(long sessionId, String givenName, String familyName, String email, String phone,
                                  String companionGivenName, String companionFamilyName, Long residenceCommuneId,
                                  boolean residesElsewhere, AgeBand ageBand, Set<Theme> interests,
                                  boolean wantsReminders, Origin origin, boolean acceptWaitingList,
                                  NoticeChoice noticeBy) {

    /** Form field of the staff's choice of how the person is told. */
    public static final String NOTICE_BY = "notice-by";

    public RegistrationRequest {
        interests = interests == null ? Set.of() : Set.copyOf(interests);
        if (origin == null) {
            throw new IllegalArgumentException("A registration request has an origin");
        }
    }

    /** Without a recorded choice: told by the contact given. */
    public RegistrationRequest(long sessionId, String givenName, String familyName, String email, String phone,
                               String companionGivenName, String companionFamilyName, Long residenceCommuneId,
                               boolean residesElsewhere, AgeBand ageBand, Set<Theme> interests,
                               boolean wantsReminders, Origin origin, boolean acceptWaitingList) {
        this(sessionId, givenName, familyName, email, phone, companionGivenName, companionFamilyName, residenceCommuneId,
                residesElsewhere, ageBand, interests, wantsReminders, origin, acceptWaitingList, null);
    }

    /** A request that accepts the waiting list when the session is full. */
    public RegistrationRequest(long sessionId, String givenName, String familyName, String email, String phone,
                               String companionGivenName, String companionFamilyName, Long residenceCommuneId,
                               boolean residesElsewhere, AgeBand ageBand, Set<Theme> interests,
                               boolean wantsReminders, Origin origin) {
        this(sessionId, givenName, familyName, email, phone, companionGivenName, companionFamilyName, residenceCommuneId,
                residesElsewhere, ageBand, interests, wantsReminders, origin, true);
    }

    /** The shortest request: a name and a way to be reached. */
    public static RegistrationRequest simple(long sessionId, String givenName, String familyName, String email,
                                             String phone, Origin origin) {
        return new RegistrationRequest(sessionId, givenName, familyName, email, phone, null, null, null, false, null,
                Set.of(), true, origin);
    }

    public RegistrationRequest withOrigin(Origin newOrigin) {
        return new RegistrationRequest(sessionId, givenName, familyName, email, phone, companionGivenName,
                companionFamilyName, residenceCommuneId, residesElsewhere, ageBand, interests, wantsReminders,
                newOrigin, acceptWaitingList, noticeBy);
    }

    /** Staff record how the person wants to be told (null: by the contact given). */
    public RegistrationRequest withNoticeBy(NoticeChoice choice) {
        return new RegistrationRequest(sessionId, givenName, familyName, email, phone, companionGivenName,
                companionFamilyName, residenceCommuneId, residesElsewhere, ageBand, interests, wantsReminders, origin,
                acceptWaitingList, choice);
    }

    public RegistrationRequest withCompanion(String given, String family) {
        return new RegistrationRequest(sessionId, givenName, familyName, email, phone, given, family, residenceCommuneId,
                residesElsewhere, ageBand, interests, wantsReminders, origin, acceptWaitingList, noticeBy);
    }

    /** The same request, with or without the waiting list when no seat is free. */
    public RegistrationRequest acceptingWaitingList(boolean accept) {
        return new RegistrationRequest(sessionId, givenName, familyName, email, phone, companionGivenName,
                companionFamilyName, residenceCommuneId, residesElsewhere, ageBand, interests, wantsReminders, origin,
                accept, noticeBy);
    }
}
