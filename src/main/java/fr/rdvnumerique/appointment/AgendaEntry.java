package fr.rdvnumerique.appointment;

import java.time.Instant;

/**
 * One line of an advisor's agenda: an appointment, or another activity that occupies the advisor's time (atelier
 * session, absence...) as the shared schedule names it.
 *
 * @param appointmentId null for other activities
 * @param title         the motif for an appointment, the schedule's label otherwise
 * @param recorded      the appointment's activity record is filled in
 */
public record AgendaEntry(Kind kind, Long appointmentId, long advisorId, Instant start, Instant end, String title,
                          String placeName, AppointmentStatus status, String personName, boolean recorded) {

    public enum Kind implements fr.rdvnumerique.base.i18n.Labelled {
        APPOINTMENT, ATELIER, ABSENCE, OTHER;

        @Override
        public String labelKey() {
            return "appointment.agenda.kind." + name();
        }
    }
}
