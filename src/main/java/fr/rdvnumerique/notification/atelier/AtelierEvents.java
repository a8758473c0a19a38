package fr.rdvnumerique.notification.atelier;

import fr.rdvnumerique.atelier.RegistrationCancelled;
import fr.rdvnumerique.atelier.RegistrationConfirmed;
import fr.rdvnumerique.atelier.RegistrationContactChanged;
import fr.rdvnumerique.atelier.RegistrationDetails;
import fr.rdvnumerique.atelier.RegistrationMoved;
import fr.rdvnumerique.atelier.RegistrationMovedToWaitingList;
import fr.rdvnumerique.atelier.RegistrationPromoted;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.RegistrationStatus;
import fr.rdvnumerique.atelier.RegistrationWaitlisted;
import fr.rdvnumerique.atelier.SeatOffered;
import fr.rdvnumerique.atelier.SessionRescheduled;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.notification.internal.MailRequest;
import fr.rdvnumerique.notification.internal.Recipient;
import fr.rdvnumerique.notification.internal.Reminders;
import fr.rdvnumerique.notification.internal.ResidentNotice;
import fr.rdvnumerique.notification.internal.ResidentNotices;
import fr.rdvnumerique.notification.internal.ShortNotice;
import fr.rdvnumerique.notification.internal.StaffNotices;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Reacts to the atelier module's events after the registration committed, each in a transaction of its own, run
 * again on a database conflict ({@link ConflictRetry}: the listener is not transactional itself for that reason);
 * the event publication registry keeps the event until this succeeds. Each gives the person's mail, their
 * reminders (planned from the registration as it is now: a seat, consent, an address), and the staff notice of a
 * seat taken or given back.
 *
 * <p>Each handler is idempotent, so an event delivered twice does no harm. A mail about a state the registration
 * has already left (a later change came first) is not sent: the later change's own mail tells the current state.
 * A cancellation is always told.
 */
@Component
class AtelierEvents {

    private final RegistrationService registrations;
    private final RegistrationMails mails;
    private final ResidentNotices notices;
    private final Reminders reminders;
    private final StaffNotices staff;
    private final ConflictRetry retry;

    AtelierEvents(RegistrationService registrations, RegistrationMails mails, ResidentNotices notices, Reminders reminders,
                  StaffNotices staff, ConflictRetry retry) {
        this.registrations = registrations;
        this.mails = mails;
        this.notices = notices;
        this.reminders = reminders;
        this.staff = staff;
        this.retry = retry;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RegistrationConfirmed event) {
        retry.runInTransaction(() -> {
            var r = registrations.details(event.registrationId());
            tellIfCurrent(r, event.sequence(), to -> mails.confirmed(r, event.sequence(), to),
                    mails.confirmedBrief(r, event.sequence()));
            reminders.plan(RegistrationMails.reminders(r));
            staff.notify(mails.registeredNotice(r, event.sequence()));
        });
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RegistrationWaitlisted event) {
        retry.runInTransaction(() -> {
            var r = registrations.details(event.registrationId());
            int position = Objects.requireNonNullElse(r.position(), event.position());
            tellIfCurrent(r, event.sequence(), to -> mails.waitlisted(r, event.sequence(), position, to), null);
            reminders.plan(RegistrationMails.reminders(r));
        });
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RegistrationPromoted event) {
        retry.runInTransaction(() -> {
            var r = registrations.details(event.registrationId());
            tellIfCurrent(r, event.sequence(), to -> mails.promoted(r, event.sequence(), to),
                    mails.promotedBrief(r, event.sequence()));
            reminders.plan(RegistrationMails.reminders(r));
        });
    }

    /** A seat is held for this waiting person: they are asked to confirm it (no reminders: no seat yet). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SeatOffered event) {
        retry.runInTransaction(() -> {
            var r = registrations.details(event.registrationId());
            tellIfCurrent(r, event.sequence(), to -> mails.offered(r, event.sequence(), event.expiresAt(), to),
                    mails.offeredBrief(r, event.sequence(), event.expiresAt()));
        });
    }

    /** The person chose another date: the updated invitation, reminders at the new time, the new advisor told. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RegistrationMoved event) {
        retry.runInTransaction(() -> {
            var r = registrations.details(event.registrationId());
            tellIfCurrent(r, event.sequence(), to -> mails.movedByPerson(r, event, to), null);
            reminders.plan(RegistrationMails.reminders(r));
            staff.notify(mails.registeredNotice(r, event.sequence()));
        });
    }

    /** The new contact gets the confirmation (with a link), the former address a notice (without). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RegistrationContactChanged event) {
        retry.runInTransaction(() -> {
            var r = registrations.details(event.registrationId());
            if (r.status() == RegistrationStatus.CONFIRMED) {
                tellIfCurrent(r, event.sequence(), to -> mails.confirmed(r, event.sequence(), to), null);
            } else if (r.status() == RegistrationStatus.WAITING) {
                int position = Objects.requireNonNullElse(r.position(), 1);
                tellIfCurrent(r, event.sequence(), to -> mails.waitlisted(r, event.sequence(), position, to), null);
            }
            if (event.previousEmail() != null && (r.email() == null || !event.previousEmail().equalsIgnoreCase(r.email()))) {
                notices.send(ResidentNotice.mailOnly(mails.contactChanged(r, event.sequence(),
                        Recipient.of(event.previousEmail(), (r.firstName() + " " + r.lastName()).strip()))));
            }
            reminders.plan(RegistrationMails.reminders(r));
        });
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RegistrationMovedToWaitingList event) {
        retry.runInTransaction(() -> {
            var r = registrations.details(event.registrationId());
            int position = Objects.requireNonNullElse(r.position(), event.position());
            tellIfCurrent(r, event.sequence(), to -> mails.movedToWaitingList(r, event.sequence(), position, to),
                    mails.movedToWaitingListBrief(r, event.sequence()));
            reminders.plan(RegistrationMails.reminders(r));
        });
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(SessionRescheduled event) {
        retry.runInTransaction(() -> {
            var r = registrations.details(event.registrationId());
            tellIfCurrent(r, event.sequence(), to -> mails.moved(r, event, to), mails.movedBrief(r, event));
            reminders.plan(RegistrationMails.reminders(r));
        });
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(RegistrationCancelled event) {
        retry.runInTransaction(() -> {
            var r = registrations.details(event.registrationId());
            if (event.cancelledBy() == CancelledBy.PERSON) {
                notices.withdrawCalls(RegistrationMails.subject(r.registrationId()));
            }
            notices.send(new ResidentNotice(RegistrationMails.contact(r), to -> mails.cancelled(r, event, to),
                    mails.cancelledBrief(r, event)));
            reminders.cancel(RegistrationMails.subject(r.registrationId()));
            if (event.cancelledBy() == CancelledBy.PERSON) {
                staff.notify(mails.cancelledNotice(r, event.sequence()));
            }
        });
    }

    /** @param brief the text message or call, or null when this is told by mail only */
    private void tellIfCurrent(RegistrationDetails r, int sequence, Function<Recipient, MailRequest> mail,
                               ShortNotice brief) {
        if (r.sequence() == sequence) {
            notices.send(new ResidentNotice(RegistrationMails.contact(r), mail, brief));
        }
    }
}
