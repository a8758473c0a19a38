package fr.rdvnumerique.notification.appointment;

import fr.rdvnumerique.appointment.AppointmentBooked;
import fr.rdvnumerique.appointment.AppointmentCancelled;
import fr.rdvnumerique.appointment.AppointmentContactChanged;
import fr.rdvnumerique.appointment.AppointmentDetails;
import fr.rdvnumerique.appointment.AppointmentDirectory;
import fr.rdvnumerique.appointment.AppointmentRescheduled;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.notification.internal.Recipient;
import fr.rdvnumerique.notification.internal.Reminders;
import fr.rdvnumerique.notification.internal.ResidentNotice;
import fr.rdvnumerique.notification.internal.ResidentNotices;
import fr.rdvnumerique.notification.internal.StaffNotices;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Reacts to the appointment module's events after the booking committed, each in a transaction of its own, run
 * again on a database conflict ({@link ConflictRetry}: the listener is not transactional itself for that reason).
 * The event publication registry keeps the event until this succeeds, so a crash or an error loses nothing. Each
 * gives the person's mail with its invitation, their reminders, and the staff notice.
 *
 * <p>Each handler is idempotent (deduplication keys, reminders planned from the current state), so an event
 * delivered twice does no harm. A mail about a state the appointment has already left (a later change was made
 * before this event was handled) is not sent: the later change's own mail tells the current state.
 */
@Component
class AppointmentEvents {

    private final AppointmentDirectory appointments;
    private final AppointmentMails mails;
    private final ResidentNotices notices;
    private final Reminders reminders;
    private final StaffNotices staff;
    private final ConflictRetry retry;

    AppointmentEvents(AppointmentDirectory appointments, AppointmentMails mails, ResidentNotices notices,
                      Reminders reminders,
                      StaffNotices staff, ConflictRetry retry) {
        this.appointments = appointments;
        this.mails = mails;
        this.notices = notices;
        this.reminders = reminders;
        this.staff = staff;
        this.retry = retry;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AppointmentBooked event) {
        retry.runInTransaction(() -> {
            AppointmentDetails a = appointments.require(event.appointmentId());
            if (a.sequence() == event.sequence()) {
                notices.send(new ResidentNotice(AppointmentMails.contact(a), to -> mails.booked(a, event.sequence(), to),
                        mails.bookedBrief(a, event.sequence())));
            }
            reminders.plan(AppointmentMails.reminders(a));
            staff.notify(mails.bookedNotice(a, event.sequence()));
        });
    }

    /** The new contact gets the confirmation (with a link), the former address a notice (without). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AppointmentContactChanged event) {
        retry.runInTransaction(() -> {
            AppointmentDetails a = appointments.require(event.appointmentId());
            if (a.sequence() == event.sequence()) {
                notices.send(new ResidentNotice(AppointmentMails.contact(a), to -> mails.booked(a, event.sequence(), to),
                        mails.bookedBrief(a, event.sequence())));
            }
            if (event.previousEmail() != null && (a.email() == null || !event.previousEmail().equalsIgnoreCase(a.email()))) {
                notices.send(ResidentNotice.mailOnly(mails.contactChanged(a, event.sequence(),
                        Recipient.of(event.previousEmail(), a.personName()))));
            }
            reminders.plan(AppointmentMails.reminders(a));
        });
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AppointmentRescheduled event) {
        retry.runInTransaction(() -> {
            AppointmentDetails a = appointments.require(event.appointmentId());
            if (a.sequence() == event.sequence()) {
                notices.send(new ResidentNotice(AppointmentMails.contact(a), to -> mails.moved(a, event, to),
                        mails.movedBrief(a, event)));
            }
            reminders.plan(AppointmentMails.reminders(a));
            staff.notify(mails.movedNotice(a, event, event.advisorId()));
            if (event.previousAdvisorId() != event.advisorId()) {
                staff.notify(mails.movedNotice(a, event, event.previousAdvisorId()));
            }
        });
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AppointmentCancelled event) {
        retry.runInTransaction(() -> {
            AppointmentDetails a = appointments.require(event.appointmentId());
            if (event.cancelledBy() == CancelledBy.PERSON) {
                notices.withdrawCalls(AppointmentMails.subject(a.id()));
            }
            notices.send(new ResidentNotice(AppointmentMails.contact(a), to -> mails.cancelled(a, event, to),
                    mails.cancelledBrief(a, event)));
            reminders.cancel(AppointmentMails.subject(a.id()));
            staff.notify(mails.cancelledNotice(a, event));
        });
    }
}
