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
import fr.rdvnumerique.base.db.ContactLocks;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.territory.AdvisorSchedule;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
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

    /** The per-contact locks of atelier registrations (the retention job forgets them). */
    static ContactLocks contactLocks(JdbcTemplate jdbc, Clock clock) {
        return new ContactLocks("atelier_contact_lock", jdbc, clock);
    }

    /** Owner kind of an atelier session in the advisor's schedule. */
    public static final String SCHEDULE_OWNER = "ATELIER_SESSION";
    private static final int MAX_BATCH = 100;

    private final SessionRepository sessions;
    private final RegistrationRepository registrations;
    private final WorkshopRepository workshops;
    private final AdvisorSchedule schedule;
    private final ApplicationEventPublisher events;
    private final ContactLocks contactLocks;
    private final Clock clock;

    @PersistenceContext
    private EntityManager entityManager;

    Registrar(SessionRepository sessions, RegistrationRepository registrations,
              WorkshopRepository workshops, AdvisorSchedule schedule, ApplicationEventPublisher events, JdbcTemplate jdbc,
              Clock clock) {
        this.sessions = sessions;
        this.registrations = registrations;
        this.workshops = workshops;
        this.schedule = schedule;
        this.events = events;
        this.contactLocks = contactLocks(jdbc, clock);
        this.clock = clock;
    }

    /**
     * One person asking for seats; {@code tokenHash} is the hash of the private link handed to them;
     * {@code acceptWaitingList} false: refused rather than waitlisted when no seat is free.
     */
    public record Candidate(Participant person, Channel channel, String kioskDeviceId, String tokenHash,
                            boolean acceptWaitingList) {

        public Candidate(Participant person, Channel channel, String kioskDeviceId, String tokenHash) {
            this(person, channel, kioskDeviceId, tokenHash, true);
        }
    }

    /** What became of a candidate. */
    public sealed interface Outcome {

        /** Confirmed or waitlisted. */
        record Admitted(Admission admission, Registration registration) implements Outcome {
        }

        /** This email or phone already holds a registration for the session (position if waiting). */
        record AlreadyRegistered(Registration existing, Integer position) implements Outcome {
        }

        record Refused(String reasonKey, List<Object> arguments) implements Outcome {
        }
    }

    /** Registers one person. */
    public Outcome register(long sessionId, Candidate candidate, int maxActivePerContact) {
        return registerAll(sessionId, List.of(candidate), maxActivePerContact).getFirst();
    }

    /**
     * Registers several people for one session, in the given (arrival) order, under one lock of the session
     * row: concurrent registrations share one lock, two queries (who is already registered, who holds how many
     * registrations), one batch of inserts and one commit. Checked under the lock, "already registered" is
     * exact; the unique keys back it up. The per-contact cap spans sessions, whose registrations take other
     * session locks: the capped candidates' contact rows are locked too (see {@link #lockContacts}).
     *
     * @param maxActivePerContact the anti-hoarding cap (not applied to staff registering someone)
     */
    public List<Outcome> registerAll(long sessionId, List<Candidate> candidates, int maxActivePerContact) {
        AtelierSession session = lock(sessionId);
        lockContacts(candidates.stream().filter(c -> c.channel() != Channel.STAFF).map(Candidate::person).toList());
        // The group's inserts go to the database in batches (registrations, then their links) when it flushes.
        entityManager.unwrap(Session.class).setJdbcBatchSize(MAX_BATCH);
        Instant now = clock.instant();
        List<Participant> people = candidates.stream().map(Candidate::person).toList();
        List<String> emails = orNone(ContactRules.emailKeys(people));
        List<String> phones = orNone(ContactRules.phones(people));
        var rules = new ContactRules(registrations.findActiveByContacts(sessionId, emails, phones),
                registrations.findUpcomingHoldings(emails, phones, now), maxActivePerContact);

        var outcomes = new ArrayList<Outcome>(candidates.size());
        for (Candidate c : candidates) {
            var existing = rules.alreadyRegistered(c.person());
            if (existing.isPresent()) {
                outcomes.add(new Outcome.AlreadyRegistered(existing.get(), null));
                continue;
            }
            if (c.channel() != Channel.STAFF && rules.atCap(c.person())) {
                outcomes.add(new Outcome.Refused("atelier.registration.refused.too-many", List.of(maxActivePerContact)));
                continue;
            }
            AtelierSession.Attempt attempt = session.register(c.person(), c.channel(), c.kioskDeviceId(), now,
                    c.acceptWaitingList());
            if (attempt.admission() instanceof Admission.Refused refused) {
                outcomes.add(new Outcome.Refused(refused.reasonKey(), refused.arguments()));
                continue;
            }
            // Straight to the persistence context: this loop runs under the session's lock.
            Registration registration = attempt.registration();
            entityManager.persist(registration);
            rules.registered(registration);
            outcomes.add(new Outcome.Admitted(attempt.admission(), registration));
        }
        for (int i = 0; i < candidates.size(); i++) {
            if (outcomes.get(i) instanceof Outcome.Admitted admitted) {
                entityManager.persist(new RegistrationToken(candidates.get(i).tokenHash(), admitted.registration().getId(), now));
            }
        }
        for (int i = 0; i < outcomes.size(); i++) {
            switch (outcomes.get(i)) {
                case Outcome.Admitted a when a.admission() instanceof Admission.Waitlisted w -> events.publishEvent(
                        new RegistrationWaitlisted(a.registration().getId(), sessionId, session.getStructureId(),
                                a.registration().getChannel(), w.position(), a.registration().getSequence()));
                case Outcome.Admitted a -> events.publishEvent(new RegistrationConfirmed(a.registration().getId(),
                        sessionId, session.getStructureId(), a.registration().getChannel(), a.registration().getSequence()));
                case Outcome.AlreadyRegistered d when d.existing().getStatus() == RegistrationStatus.WAITING ->
                        outcomes.set(i, new Outcome.AlreadyRegistered(d.existing(),
                                registrations.positionOf(sessionId, d.existing().getQueueRank())));
                default -> { }
            }
        }
        return outcomes;
    }

    /**
     * Locks these people's contacts (see {@link ContactLocks#lock}), so that registrations of the same person for
     * different sessions check the cap one after the other.
     */
    void lockContacts(List<Participant> people) {
        contactLocks.lock(ContactRules.emailKeys(people), ContactRules.phones(people));
    }

    private static List<String> orNone(List<String> values) {
        // "in ()" is not SQL: a value no email key or phone can have.
        return values.isEmpty() ? List.of("-") : values;
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
        return createSession(structureId, workshop, when, capacity, seriesKey, clock.instant());
    }

    /** A session as it was planned at {@code plannedAt}: demo history writes past years this way. */
    public AtelierSession createSession(long structureId, Workshop workshop, AtelierSession.Schedule when,
                                        int capacity, String seriesKey, Instant plannedAt) {
        AtelierSession session = sessions.save(new AtelierSession(structureId, workshop.getId(), when, capacity,
                seriesKey, plannedAt));
        schedule.claim(when.advisorId(), when.start(), when.end(), SCHEDULE_OWNER, session.getId(),
                label(workshop.getTitle(), when.start()), when.placeId());
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
                    label(workshop.getTitle(), when.start()), when.placeId());
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
