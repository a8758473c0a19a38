package fr.rdvnumerique.appointment;

import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.domain.NoticeChoice;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.taxonomy.Theme;
import java.time.Instant;
import java.util.Set;

/**
 * A booking as the resident (web, kiosk) or a staff member typed it, as typed: the service parses it with the
 * domain's own rules, answers with a {@code PlaceResult} and never half-saves.
 *
 * @param start     the chosen slot's start, as offered by {@link BookingService#freeSlots}
 * @param themes    what the person wants to learn (optional): pre-fills the activity record
 * @param needs     the person's own words (optional, at most 500 characters)
 * @param origin    web (client address), kiosk (its id) or staff
 * @param advisorId staff only: the advisor chosen (the booking is refused when they are busy then), or null for
 *                  whoever is free
 * @param noticeBy  staff only: how the person wants to be told, or null for by the contact they gave
 */
public record BookingRequest(long placeId, long motifId, Instant start, String givenName, String familyName,
                             String email, String phone, boolean wantsReminders, Set<Theme> themes, String needs,
                             Origin origin, Long advisorId, NoticeChoice noticeBy) {

    /** Form fields of the booking's own, as {@code InvalidValueException.field()} names them. */
    public static final String START = "start";
    public static final String NEEDS = "needs";
    public static final String NOTICE_BY = "notice-by";

    public BookingRequest {
        themes = themes == null ? Set.of() : Set.copyOf(themes);
        if (origin == null) {
            throw new IllegalArgumentException("A booking request has an origin");
        }
        if (advisorId != null && origin.channel() != Channel.STAFF) {
            throw new IllegalArgumentException("Only staff choose the advisor");
        }
        if (noticeBy != null && origin.channel() != Channel.STAFF) {
            throw new IllegalArgumentException("Only staff record how the person wants to be told");
        }
    }

    /** Without a recorded choice: told by the contact given. */
    public BookingRequest(long placeId, long motifId, Instant start, String givenName, String familyName, String email,
                          String phone, boolean wantsReminders, Set<Theme> themes, String needs, Origin origin,
                          Long advisorId) {
        this(placeId, motifId, start, givenName, familyName, email, phone, wantsReminders, themes, needs, origin,
                advisorId, null);
    }

    /** A booking with whoever is free at that time. */
    public BookingRequest(long placeId, long motifId, Instant start, String givenName, String familyName, String email,
                          String phone, boolean wantsReminders, Set<Theme> themes, String needs, Origin origin) {
        this(placeId, motifId, start, givenName, familyName, email, phone, wantsReminders, themes, needs, origin, null);
    }
}
