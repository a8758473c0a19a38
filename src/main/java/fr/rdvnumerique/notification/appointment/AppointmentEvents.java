package fr.rdvnumerique.notification.appointment;

import fr.rdvnumerique.appointment.AppointmentBooked;
import fr.rdvnumerique.appointment.AppointmentCancelled;
import fr.rdvnumerique.appointment.AppointmentDetails;
import fr.rdvnumerique.appointment.AppointmentDirectory;
import fr.rdvnumerique.appointment.AppointmentRescheduled;
import fr.rdvnumerique.notification.Outbox;
import fr.rdvnumerique.notification.Reminders;
import fr.rdvnumerique.notification.StaffNotices;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to the appointment module's events, each in its own transaction after the booking committed (the event
 * publication registry keeps the event until this succeeds, so a crash or an error loses nothing): the person's
 * mail with its invitation, their reminders, and the staff notice.
 *
 * <p>Each handler is idempotent (deduplication keys, reminders planned from the current state), so an event
 * delivered twice does no harm. A mail about a state the appointment has already left (a later change was made
 * before this event was handled) is not sent: the later change's own mail tells the current state.
 */
@Component
class AppointmentEvents {

    private final AppointmentDirectory appointments;
    private final AppointmentMails mails;
    private final Outbox outbox;
    private final Reminders reminders;
    private final StaffNotices staff;

    AppointmentEvents(AppointmentDirectory appointments, AppointmentMails mails, Outbox outbox, Reminders reminders,
                      StaffNotices staff) {
        this.appointments = appointments;
        this.mails = mails;
        this.outbox = outbox;
        this.reminders = reminders;
        this.staff = staff;
    }

    @ApplicationModuleListener
    void on(AppointmentBooked event) {
        AppointmentDetails a = appointments.require(event.appointmentId());
        if (a.sequence() == event.sequence()) {
            AppointmentMails.recipient(a).ifPresent(to -> outbox.enqueue(mails.booked(a, event.sequence(), to)));
        }
        reminders.plan(AppointmentMails.reminders(a));
        staff.notify(mails.bookedNotice(a, event.sequence()));
    }

    @ApplicationModuleListener
    void on(AppointmentRescheduled event) {
        AppointmentDetails a = appointments.require(event.appointmentId());
        if (a.sequence() == event.sequence()) {
            AppointmentMails.recipient(a).ifPresent(to -> outbox.enqueue(mails.moved(a, event, to)));
        }
        reminders.plan(AppointmentMails.reminders(a));
        staff.notify(mails.movedNotice(a, event, event.advisorId()));
        if (event.previousAdvisorId() != event.advisorId()) {
            staff.notify(mails.movedNotice(a, event, event.previousAdvisorId()));
        }
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled event) {
        AppointmentDetails a = appointments.require(event.appointmentId());
        AppointmentMails.recipient(a).ifPresent(to -> outbox.enqueue(mails.cancelled(a, event, to)));
        reminders.cancel(AppointmentMails.subject(a.id()));
        staff.notify(mails.cancelledNotice(a, event));
    }
}
