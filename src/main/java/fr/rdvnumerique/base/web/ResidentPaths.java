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

    /**
     * The « Je viens / Je ne pourrai pas venir » page of an atelier registration (reminders and seat offers link
     * to it, by mail or SMS). Opening it changes nothing: the person presses a button.
     */
    public static String registrationPresence(String token) {
        return registration(token) + "/presence";
    }

    /** The « Je viens / Je ne pourrai pas venir » page of an appointment. */
    public static String appointmentPresence(String token) {
        return appointment(token) + "/presence";
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
