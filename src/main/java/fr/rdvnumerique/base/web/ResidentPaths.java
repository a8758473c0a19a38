package fr.rdvnumerique.base.web;

/**
 * Paths, relative to the application's root, of the residents' pages and "Ajouter à mon agenda" files that
 * several modules point to: the atelier and appointment pages show them, the notification module mails and
 * serves them. They live here so that none of these modules depends on another for a path.
 */
public final class ResidentPaths {

    /** The calendar file of an atelier registration is {@code <this><token>.ics}. */
    public static final String REGISTRATION_CALENDAR = "public/agenda/inscription/";
    /** The calendar file of an appointment is {@code <this><token>.ics}. */
    public static final String APPOINTMENT_CALENDAR = "public/agenda/rendez-vous/";

    private ResidentPaths() {
    }

    /** The private page where a person sees or cancels their atelier registration. */
    public static String registration(String token) {
        return "inscription/" + token;
    }

    /** The private page where a person sees, moves or cancels their appointment. */
    public static String appointment(String token) {
        return "rendez-vous/" + token;
    }

    public static String registrationCalendar(String token) {
        return REGISTRATION_CALENDAR + token + ".ics";
    }

    public static String appointmentCalendar(String token) {
        return APPOINTMENT_CALENDAR + token + ".ics";
    }

    /** A structure's ateliers. */
    public static String ateliers(String structureSlug) {
        return "territoire/" + structureSlug + "/ateliers";
    }

    /** Booking an appointment with a structure's advisors. */
    public static String booking(String structureSlug) {
        return "territoire/" + structureSlug + "/rendez-vous";
    }
}
