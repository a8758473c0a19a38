/**
 * Rendez-vous with the advisor: motifs, opening hours, absences and closures, free slots, race-free booking,
 * private management links, the advisors' agenda and activity records (CRA).
 * <p>
 * The root package is the module's API: {@link fr.rdvnumerique.appointment.BookingService} (residents, kiosk),
 * {@link fr.rdvnumerique.appointment.AppointmentDirectory} (reads for notifications), the staff services and the
 * events {@link fr.rdvnumerique.appointment.AppointmentBooked}, {@link fr.rdvnumerique.appointment.AppointmentRescheduled}
 * and {@link fr.rdvnumerique.appointment.AppointmentCancelled}. {@code domain} and {@code ui} are internal.
 * The advisor's time is shared with other activities through {@link fr.rdvnumerique.territory.AdvisorSchedule}.
 */
@ApplicationModule(displayName = "Rendez-vous", allowedDependencies = {"base", "territory"})
package fr.rdvnumerique.appointment;

import org.springframework.modulith.ApplicationModule;
