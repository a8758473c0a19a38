package fr.rdvnumerique.appointment.domain;

import fr.rdvnumerique.appointment.AppointmentStatus;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import java.time.Duration;
import java.time.Instant;

/**
 * What a resident may do on their own, without calling the structure: hold at most {@code maxActivePerContact}
 * upcoming appointments per e-mail or phone (so nobody hoards the slots), and cancel or move an appointment until
 * its motif's cut-off. Past either, they are told to call, with the structure's number when it has one. Staff are
 * not bound by these rules: they know the person.
 */
public record BookingRules(int maxActivePerContact) {

    /** The per-contact lock rows of appointments ({@code base.db.ContactLocks}; the retention job forgets them). */
    public static final String LOCK_TABLE = "appointment_contact_lock";

    public BookingRules {
        if (maxActivePerContact < 1) {
            throw new IllegalArgumentException("A contact may hold at least one appointment");
        }
    }

    /**
     * @param upcoming       the booked appointments still to come of the person's e-mail or phone
     * @param structurePhone the structure's number to call instead, as shown, or null
     * @throws BusinessRuleException {@code appointment.cap.reached} when they already hold as many as allowed
     */
    public void checkMayBook(long upcoming, String structurePhone) {
        if (upcoming >= maxActivePerContact) {
            throw callUs("appointment.cap.reached", maxActivePerContact, structurePhone);
        }
    }

    /**
     * The person cancels or moves their own appointment.
     *
     * @throws BusinessRuleException {@code appointment.not-active} when it is no longer booked,
     *                               {@code appointment.too-late} past the motif's cut-off
     */
    public static void checkMayChange(Appointment appointment, int cutoffHours, Instant now, String structurePhone) {
        if (appointment.getStatus() != AppointmentStatus.BOOKED) {
            throw new BusinessRuleException("appointment.not-active");
        }
        if (!beforeCutoff(appointment.getStartAt(), cutoffHours, now)) {
            throw callUs("appointment.too-late", cutoffHours, structurePhone);
        }
    }

    /** Whether {@code now} is still at least {@code cutoffHours} before {@code start}. */
    public static boolean beforeCutoff(Instant start, int cutoffHours, Instant now) {
        return !now.plus(Duration.ofHours(cutoffHours)).isAfter(start);
    }

    /** A refusal that tells the person to call the structure, with its number when it has one. */
    private static BusinessRuleException callUs(String key, Object argument, String structurePhone) {
        return structurePhone == null ? new BusinessRuleException(key + ".no-phone", argument)
                : new BusinessRuleException(key, argument, structurePhone);
    }
}
