package fr.rdvnumerique.atelier.domain;

import fr.rdvnumerique.atelier.Attendance;
import fr.rdvnumerique.atelier.CancellationReason;
import fr.rdvnumerique.atelier.CancelledBy;
import fr.rdvnumerique.atelier.Channel;
import fr.rdvnumerique.atelier.RegistrationCancelled;
import fr.rdvnumerique.atelier.RegistrationConfirmed;
import fr.rdvnumerique.atelier.RegistrationMovedToWaitingList;
import fr.rdvnumerique.atelier.RegistrationPromoted;
import fr.rdvnumerique.atelier.RegistrationStatus;
import fr.rdvnumerique.atelier.RegistrationWaitlisted;
import fr.rdvnumerique.atelier.SessionCancelled;
import fr.rdvnumerique.atelier.SessionRescheduled;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.territory.AdvisorSchedule;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out the session aggregate's decisions in the caller's transaction: locks the session row first,
 * loads the registrations the rule needs, applies it, claims or frees the advisor's time, and publishes the
 * events (stored with the transaction by the event publication registry). The public services add security,
 * scoping and the retry around it.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class Registrar {

    /** Owner kind of an atelier session in the advisor's schedule. */
    public static final String SCHEDULE_OWNER = "ATELIER_SESSION";

    private final SessionRepository sessions;
    private final RegistrationRepository registrations;
    private final RegistrationTokenRepository tokens;
    private final WorkshopRepository workshops;
    private final AdvisorSchedule schedule;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registrar(SessionRepository sessions, RegistrationRepository registrations, RegistrationTokenRepository tokens,
              WorkshopRepository workshops, AdvisorSchedule schedule, ApplicationEventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.registrations = registrations;
        this.tokens = tokens;
        this.workshops = workshops;
        this.schedule = schedule;
        this.events = events;
        this.clock = clock;
    }

    /** What {@link #register} did. {@code registration} is null when refused. */
    public record Registered(Admission admission, Registration registration, AtelierSession session) {
    }

    /**
     * Registers a person. The statements after the lock are few on purpose (insert, token, counter update):
     * they are what concurrent registrations for the same session wait for.
     *
     * @param tokenHash hash of the private link handed to the person
     */
    public Registered register(long sessionId, Participant person, Channel channel, String kioskDeviceId,
                               String tokenHash) {
        AtelierSession session = lock(sessionId);
        Instant now = clock.instant();
        AtelierSession.Attempt attempt = session.register(person, channel, kioskDeviceId, now);
        Registration registration = attempt.registration();
        if (registration == null) {
            return new Registered(attempt.admission(), null, session);
        }
        registrations.save(registration);
        tokens.save(new RegistrationToken(tokenHash, registration.getId(), now));
        switch (attempt.admission()) {
            case Admission.Confirmed c -> events.publishEvent(new RegistrationConfirmed(registration.getId(),
                    sessionId, session.getStructureId(), channel, registration.getSequence()));
            case Admission.Waitlisted w -> events.publishEvent(new RegistrationWaitlisted(registration.getId(),
                    sessionId, session.getStructureId(), channel, w.position(), registration.getSequence()));
            case Admission.Refused r -> throw new IllegalStateException();
        }
        return new Registered(attempt.admission(), registration, session);
    }

    /** Cancels one registration; the first people waiting get the freed seats. */
    public Registration cancel(long sessionId, long registrationId, CancelledBy by, CancellationReason reason) {
        AtelierSession session = lock(sessionId);
        Registration registration = registrationOf(session, registrationId);
        RegistrationStatus previous = registration.getStatus();
        List<Registration> waiting = previous == RegistrationStatus.CONFIRMED
                ? registrations.findBySessionAndStatus(sessionId, RegistrationStatus.WAITING) : List.of();
        List<Registration> promoted = session.cancel(registration, by, reason, waiting, clock.instant());
        events.publishEvent(new RegistrationCancelled(registrationId, sessionId, session.getStructureId(), by, reason,
                previous, registration.getSequence()));
        publishPromotions(session, promoted, false);
        return registration;
    }

    public Registration promoteByHand(long sessionId, long registrationId) {
        AtelierSession session = lock(sessionId);
        Registration registration = registrationOf(session, registrationId);
        session.promoteByHand(registration, clock.instant());
        publishPromotions(session, List.of(registration), true);
        return registration;
    }

    public AtelierSession.CapacityChange changeCapacity(long sessionId, int capacity, boolean moveBackIfNeeded) {
        AtelierSession session = lock(sessionId);
        List<Registration> confirmed = capacity < session.getConfirmedSeats()
                ? registrations.findBySessionAndStatus(sessionId, RegistrationStatus.CONFIRMED) : List.of();
        List<Registration> waiting = registrations.findBySessionAndStatus(sessionId, RegistrationStatus.WAITING);
        AtelierSession.CapacityChange change = session.changeCapacity(capacity, moveBackIfNeeded, confirmed, waiting,
                clock.instant());
        // Ranks change before promotions are numbered: flush so the position query sees them.
        registrations.flush();
        for (Registration moved : change.movedToWaitingList()) {
            events.publishEvent(new RegistrationMovedToWaitingList(moved.getId(), sessionId, session.getStructureId(),
                    registrations.positionOf(sessionId, moved.getQueueRank()), moved.getSequence()));
        }
        publishPromotions(session, change.promoted(), false);
        return change;
    }

    public List<Registration> cancelSession(long sessionId) {
        AtelierSession session = lock(sessionId);
        List<Registration> active = registrations.findActiveBySession(sessionId);
        var previous = active.stream().collect(java.util.stream.Collectors.toMap(Registration::getId,
                Registration::getStatus));
        List<Registration> cancelled = session.cancelSession(active, clock.instant());
        schedule.release(SCHEDULE_OWNER, sessionId);
        for (Registration r : cancelled) {
            events.publishEvent(new RegistrationCancelled(r.getId(), sessionId, session.getStructureId(),
                    CancelledBy.STAFF, CancellationReason.SESSION_CANCELLED, previous.get(r.getId()), r.getSequence()));
        }
        events.publishEvent(new SessionCancelled(sessionId, session.getStructureId(), cancelled.size()));
        return cancelled;
    }

    /** Creates a session and claims the advisor's time (refused, naming the other activity, on overlap). */
    public AtelierSession createSession(long structureId, Workshop workshop, AtelierSession.Schedule when,
                                        int capacity, String seriesKey) {
        AtelierSession session = sessions.save(new AtelierSession(structureId, workshop.getId(), when, capacity,
                seriesKey, clock.instant()));
        schedule.claim(when.advisorId(), when.start(), when.end(), SCHEDULE_OWNER, session.getId(),
                label(workshop.getTitle(), when.start()));
        return session;
    }

    /** Moves a session (time, place, advisor, window). People registered are told when time or place change. */
    public AtelierSession reschedule(long sessionId, long expectedVersion, AtelierSession.Schedule when) {
        AtelierSession session = lock(sessionId);
        if (session.getEditVersion() != expectedVersion) {
            throw new BusinessRuleException("error.concurrent-change");
        }
        AtelierSession.Schedule before = session.schedule();
        List<Registration> active = registrations.findActiveBySession(sessionId);
        boolean moved = session.reschedule(when, active, clock.instant());
        if (moved || before.advisorId() != when.advisorId()) {
            Workshop workshop = workshops.findById(session.getWorkshopId()).orElseThrow();
            schedule.release(SCHEDULE_OWNER, sessionId);
            schedule.claim(when.advisorId(), when.start(), when.end(), SCHEDULE_OWNER, sessionId,
                    label(workshop.getTitle(), when.start()));
        }
        if (moved) {
            for (Registration r : active) {
                events.publishEvent(new SessionRescheduled(r.getId(), sessionId, session.getStructureId(),
                        before.start(), before.end(), before.placeId(), when.start(), when.end(), when.placeId(),
                        r.getSequence()));
            }
        }
        return session;
    }

    public Registration markAttendance(long sessionId, long registrationId, Attendance attendance) {
        AtelierSession session = lock(sessionId);
        Registration registration = registrationOf(session, registrationId);
        session.markAttendance(registration, attendance, clock.instant());
        return registration;
    }

    /** « Atelier « Découvrir sa tablette », mardi 3 décembre 2026 à 14 h 00 », as staff read a conflict. */
    public static String label(String title, Instant start) {
        String label = "Atelier « " + title + " », " + FrenchDates.dayAndTime(start);
        return label.length() <= 255 ? label : label.substring(0, 254) + "…";
    }

    private void publishPromotions(AtelierSession session, List<Registration> promoted, boolean byStaff) {
        for (Registration p : promoted) {
            events.publishEvent(new RegistrationPromoted(p.getId(), session.getId(), session.getStructureId(), byStaff,
                    p.getSequence()));
        }
    }

    private AtelierSession lock(long sessionId) {
        return sessions.lockById(sessionId).orElseThrow(() -> new BusinessRuleException("atelier.session.not-found"));
    }

    private Registration registrationOf(AtelierSession session, long registrationId) {
        Registration registration = registrations.findById(registrationId)
                .orElseThrow(() -> new BusinessRuleException("error.not-found"));
        if (registration.getSessionId() != session.getId()) {
            throw new BusinessRuleException("error.not-found");
        }
        return registration;
    }
}
