package fr.rdvnumerique.atelier;

import fr.rdvnumerique.atelier.domain.Admission;
import fr.rdvnumerique.atelier.domain.AtelierSession;
import fr.rdvnumerique.atelier.domain.ContactRules;
import fr.rdvnumerique.atelier.domain.Participant;
import fr.rdvnumerique.atelier.domain.Registration;
import fr.rdvnumerique.atelier.domain.RegistrationRepository;
import fr.rdvnumerique.atelier.domain.RegistrationToken;
import fr.rdvnumerique.atelier.domain.SessionRepository;
import fr.rdvnumerique.atelier.domain.Workshop;
import fr.rdvnumerique.atelier.domain.WorkshopRepository;
import fr.rdvnumerique.base.audit.AuditActor;
import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.db.ContactLocks;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Channel;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.i18n.FrenchDates;
import fr.rdvnumerique.base.retention.PersonKeys;
import fr.rdvnumerique.base.web.SecretTokens;
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
 * The module's writes, each one step of a transaction the caller runs in {@link ConflictRetry}: locks the session
 * row first, loads the registrations the rule needs, lets the session aggregate decide, claims or frees the
 * advisor's time, and publishes the events (stored with the transaction by the event publication registry). The
 * services add security, scoping and the retry around it.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class AtelierWrites {

    /** Owner kind of an atelier session in the advisor's schedule. */
    static final String SCHEDULE_OWNER = "ATELIER_SESSION";
    private static final int MAX_BATCH = 100;

    private final SessionRepository sessions;
    private final RegistrationRepository registrations;
    private final WorkshopRepository workshops;
    private final AdvisorSchedule schedule;
    private final ApplicationEventPublisher events;
    private final ContactLocks contactLocks;
    private final PersonKeys personKeys;
    private final AtelierProperties properties;
    private final Clock clock;
    private final AuditTrail audit;

    @PersistenceContext
    private EntityManager entityManager;

    AtelierWrites(SessionRepository sessions, RegistrationRepository registrations,
              WorkshopRepository workshops, AdvisorSchedule schedule, ApplicationEventPublisher events, JdbcTemplate jdbc,
              PersonKeys personKeys, AtelierProperties properties, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.sessions = sessions;
        this.registrations = registrations;
        this.workshops = workshops;
        this.schedule = schedule;
        this.events = events;
        this.contactLocks = new ContactLocks(ContactRules.LOCK_TABLE, jdbc, clock);
        this.personKeys = personKeys;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One person asking for seats, checked; {@code managementToken} is the private link handed to them (only its
     * hash is stored); {@code acceptWaitingList} false: answered {@code SlotTaken} rather than waitlisted when no
     * seat is free.
     */
    record Candidate(Participant person, Origin origin, String managementToken, boolean acceptWaitingList,
                     AuditActor actor) {

        Candidate(Participant person, Origin origin, String managementToken, boolean acceptWaitingList) {
            this(person, origin, managementToken, acceptWaitingList, AuditActor.system());
        }

        /** Staff registering someone leave their trace in the journal (the group commit may run on another thread). */
        boolean audited() {
            return origin.channel() == Channel.STAFF && !actor.isSystem();
        }
    }

    /** Registers one person. */
    PlaceResult<Seats, Void> register(long sessionId, Candidate candidate, int maxActivePerContact) {
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
     * @return each candidate's answer, in the same order
     */
    List<PlaceResult<Seats, Void>> registerAll(long sessionId, List<Candidate> candidates, int maxActivePerContact) {
        AtelierSession session = lock(sessionId);
        lockContacts(candidates.stream().filter(c -> c.origin().channel() != Channel.STAFF).map(Candidate::person).toList());
        // The group's inserts go to the database in batches (registrations, then their links) when it flushes.
        entityManager.unwrap(Session.class).setJdbcBatchSize(MAX_BATCH);
        Instant now = clock.instant();
        List<Participant> people = candidates.stream().map(Candidate::person).toList();
        List<String> emails = orNone(ContactRules.emailKeys(people));
        List<String> phones = orNone(ContactRules.phones(people));
        var rules = new ContactRules(registrations.findActiveByContacts(sessionId, emails, phones),
                registrations.findUpcomingHoldings(emails, phones, now), maxActivePerContact);

        var decisions = new ArrayList<Decision>(candidates.size());
        for (Candidate c : candidates) {
            var existing = rules.alreadyRegistered(c.person());
            if (existing.isPresent()) {
                decisions.add(new Decision(null, existing.get(), null));
            } else if (c.origin().channel() != Channel.STAFF && rules.atCap(c.person())) {
                decisions.add(new Decision(null, null, new PlaceResult.Refused<>("atelier.registration.refused.too-many",
                        maxActivePerContact)));
            } else {
                AtelierSession.Attempt attempt = session.register(c.person(), c.origin(), now, c.acceptWaitingList());
                Registration made = attempt.registration();
                if (made != null) {
                    made.identify(personKeys.of(c.person().resident().contact()));
                    // Straight to the persistence context: this loop runs under the session's lock.
                    entityManager.persist(made);
                    rules.registered(made);
                }
                decisions.add(new Decision(attempt, null, null));
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            Registration made = decisions.get(i).made();
            if (made != null) {
                entityManager.persist(new RegistrationToken(SecretTokens.hash(candidates.get(i).managementToken()),
                        made.getId(), now));
            }
        }
        var results = new ArrayList<PlaceResult<Seats, Void>>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            results.add(answer(session, candidates.get(i), decisions.get(i)));
        }
        return results;
    }

    /** What the session decided for one candidate; the answer is given once the group's rows are in. */
    private record Decision(AtelierSession.Attempt attempt, Registration alreadyHeld, PlaceResult<Seats, Void> refusal) {

        Registration made() {
            return attempt == null ? null : attempt.registration();
        }
    }

    private PlaceResult<Seats, Void> answer(AtelierSession session, Candidate candidate, Decision decision) {
        if (decision.refusal() != null) {
            return decision.refusal();
        }
        if (decision.alreadyHeld() != null) {
            Registration held = decision.alreadyHeld();
            return new PlaceResult.AlreadyHeld<>(held.getId(), held.getStatus() == RegistrationStatus.WAITING
                    ? registrations.positionOf(session.getId(), held.getQueueRank()) : null);
        }
        Registration r = decision.made();
        return switch (decision.attempt().admission()) {
            case Admission.Confirmed confirmed -> {
                events.publishEvent(new RegistrationConfirmed(r.getId(), session.getId(), session.getStructureId(),
                        r.getChannel(), r.getSequence()));
                auditOnBehalf(session, candidate, r);
                yield new PlaceResult.Confirmed<>(r.getId(), candidate.managementToken(), new Seats(r.getSeats()));
            }
            case Admission.Waitlisted w -> {
                events.publishEvent(new RegistrationWaitlisted(r.getId(), session.getId(), session.getStructureId(),
                        r.getChannel(), w.position(), r.getSequence()));
                auditOnBehalf(session, candidate, r);
                yield new PlaceResult.Waitlisted<>(r.getId(), w.position(), candidate.managementToken(),
                        new Seats(r.getSeats()));
            }
            case Admission.SeatGone gone -> new PlaceResult.SlotTaken<>("atelier.registration.refused.no-seat", List.of());
            case Admission.Refused refused -> new PlaceResult.Refused<>(refused.reasonKey(), refused.arguments());
        };
    }

    private void auditOnBehalf(AtelierSession session, Candidate candidate, Registration r) {
        if (candidate.audited()) {
            audit.recordAs(candidate.actor(), AuditKind.REGISTRATION_ON_BEHALF, r.getId(), session.getStructureId(),
                    AuditChanges.value("session", session.getId()).and("status", null, r.getStatus())
                            .and("seats", null, r.getSeats()));
        }
    }

    /**
     * Locks these people's contacts (see {@link ContactLocks#lock}), so that registrations of the same person for
     * different sessions check the cap one after the other.
     */
    private void lockContacts(List<Participant> people) {
        contactLocks.lock(ContactRules.emailKeys(people), ContactRules.phones(people));
    }

    private static List<String> orNone(List<String> values) {
        // "in ()" is not SQL: a value no email key or phone can have.
        return values.isEmpty() ? List.of("-") : values;
    }

    /**
     * Cancels one registration; the first people waiting get the freed seats, or are offered them when the session
     * is close ({@link AtelierProperties#lateSeats()}).
     */
    Registration cancel(long sessionId, long registrationId, CancelledBy by, CancellationReason reason) {
        AtelierSession session = lock(sessionId);
        Registration registration = registrationOf(session, registrationId);
        RegistrationStatus previous = registration.getStatus();
        boolean heldSeat = previous == RegistrationStatus.CONFIRMED || registration.hasOffer();
        List<Registration> waiting = heldSeat
                ? registrations.findBySessionAndStatus(sessionId, RegistrationStatus.WAITING) : List.of();
        AtelierSession.Handover handover = session.cancel(registration, by, reason, waiting, properties.lateSeats(),
                clock.instant());
        events.publishEvent(new RegistrationCancelled(registrationId, sessionId, session.getStructureId(), by, reason,
                previous, registration.getSequence()));
        publish(session, handover, false);
        return registration;
    }

    /** The person (or staff on the phone) accepts the seat offered to them. */
    Registration confirmOffer(long sessionId, long registrationId, boolean byStaff) {
        AtelierSession session = lock(sessionId);
        Registration registration = registrationOf(session, registrationId);
        session.confirmOffer(registration, clock.instant());
        publishPromotions(session, List.of(registration), byStaff);
        return registration;
    }

    /**
     * Passes a lapsed offer on to the next people waiting; nothing when it was confirmed or declined meanwhile.
     *
     * @return whether the offer lapsed now
     */
    boolean lapseOffer(long sessionId, long registrationId) {
        AtelierSession session = lock(sessionId);
        Registration registration = registrationOf(session, registrationId);
        List<Registration> waiting = registrations.findBySessionAndStatus(sessionId, RegistrationStatus.WAITING);
        AtelierSession.Handover handover = session.lapseOffer(registration, waiting, properties.lateSeats(),
                clock.instant());
        if (handover == null) {
            return false;
        }
        events.publishEvent(new RegistrationCancelled(registrationId, sessionId, session.getStructureId(),
                CancelledBy.STAFF, CancellationReason.OFFER_LAPSED, RegistrationStatus.WAITING, registration.getSequence()));
        publish(session, handover, false);
        return true;
    }

    /**
     * Another e-mail or phone for a registration: not one another registration of the session has, and within the
     * per-contact cap (the new contact's rows locked first, as for a registration).
     */
    Registration changeContact(long sessionId, long registrationId, fr.rdvnumerique.base.domain.Resident resident) {
        List<String> emails = resident.emailKey() == null ? List.of() : List.of(resident.emailKey());
        List<String> phones = resident.phoneE164() == null ? List.of() : List.of(resident.phoneE164());
        AtelierSession session = lock(sessionId);
        contactLocks.lock(emails, phones);
        Registration registration = registrationOf(session, registrationId);
        String previousEmail = registration.getEmail();
        var others = registrations.findActiveByContacts(sessionId, orNone(emails), orNone(phones));
        long held = registrations.findUpcomingHoldings(orNone(emails), orNone(phones), clock.instant()).stream()
                .filter(h -> h.registrationId() != registrationId).count();
        if (held >= properties.maxActiveRegistrationsPerContact()) {
            throw new BusinessRuleException("atelier.registration.refused.too-many",
                    properties.maxActiveRegistrationsPerContact());
        }
        session.changeContact(registration, resident.contact(), others, clock.instant());
        events.publishEvent(new RegistrationContactChanged(registrationId, sessionId, session.getStructureId(),
                previousEmail, registration.getSequence()));
        return registration;
    }

    /**
     * Moves a registration to another session of the same workshop: both session rows locked (in id order, so two
     * moves between the same sessions cannot deadlock), the new seat taken and the old one freed in this one
     * transaction, the old session's waiting list served.
     */
    Registration move(long fromSessionId, long toSessionId, long registrationId) {
        AtelierSession first = lock(Math.min(fromSessionId, toSessionId));
        AtelierSession second = lock(Math.max(fromSessionId, toSessionId));
        AtelierSession from = first.getId() == fromSessionId ? first : second;
        AtelierSession to = first.getId() == toSessionId ? first : second;
        Registration registration = registrationOf(from, registrationId);
        AtelierSession.Schedule before = from.schedule();
        List<Registration> waiting = registrations.findBySessionAndStatus(fromSessionId, RegistrationStatus.WAITING);
        List<Registration> sameContact = registrations.findActiveByContact(toSessionId,
                registration.getEmailKey() == null ? "-" : registration.getEmailKey(),
                registration.getPhone() == null ? "-" : registration.getPhone());
        AtelierSession.Handover handover = AtelierSession.move(registration, from, to, waiting, sameContact,
                properties.lateSeats(), clock.instant());
        registrations.flush();
        events.publishEvent(new RegistrationMoved(registrationId, fromSessionId, toSessionId, to.getStructureId(),
                before.start(), before.end(), before.placeId(), to.getStartsAt(), to.getEndsAt(), to.getPlaceId(),
                registration.getSequence()));
        publish(from, handover, false);
        return registration;
    }

    /**
     * « Je viens », decided under the session's lock: a seat offered to the person becomes theirs, a person with a
     * seat is noted as coming.
     */
    Registration confirmComing(long sessionId, long registrationId) {
        AtelierSession session = lock(sessionId);
        Registration registration = registrationOf(session, registrationId);
        if (registration.hasOffer()) {
            session.confirmOffer(registration, clock.instant());
            publishPromotions(session, List.of(registration), false);
        } else {
            session.confirmPresence(registration, clock.instant());
        }
        return registration;
    }

    private void publish(AtelierSession session, AtelierSession.Handover handover, boolean byStaff) {
        publishPromotions(session, handover.promoted(), byStaff);
        for (Registration offered : handover.offered()) {
            events.publishEvent(new SeatOffered(offered.getId(), session.getId(), session.getStructureId(),
                    offered.getOfferExpiresAt(), offered.getSequence()));
        }
    }

    Registration promoteByHand(long sessionId, long registrationId) {
        AtelierSession session = lock(sessionId);
        Registration registration = registrationOf(session, registrationId);
        session.promoteByHand(registration, clock.instant());
        publishPromotions(session, List.of(registration), true);
        return registration;
    }

    AtelierSession.CapacityChange changeCapacity(long sessionId, int capacity, boolean moveBackIfNeeded) {
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

    List<Registration> cancelSession(long sessionId) {
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
    AtelierSession createSession(long structureId, Workshop workshop, AtelierSession.Schedule when,
                                        int capacity, String seriesKey) {
        return createSession(structureId, workshop, when, capacity, seriesKey, clock.instant());
    }

    /** A session as it was planned at {@code plannedAt}: demo history writes past years this way. */
    AtelierSession createSession(long structureId, Workshop workshop, AtelierSession.Schedule when,
                                        int capacity, String seriesKey, Instant plannedAt) {
        AtelierSession session = sessions.save(new AtelierSession(structureId, workshop.getId(), when, capacity,
                seriesKey, plannedAt));
        schedule.claim(when.advisorId(), when.start(), when.end(), SCHEDULE_OWNER, session.getId(),
                label(workshop.getTitle(), when.start()), when.placeId());
        return session;
    }

    /** Moves a session (time, place, advisor, window). People registered are told when time or place change. */
    AtelierSession reschedule(long sessionId, long expectedVersion, AtelierSession.Schedule when) {
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

    Registration markAttendance(long sessionId, long registrationId, Attendance attendance) {
        AtelierSession session = lock(sessionId);
        Registration registration = registrationOf(session, registrationId);
        session.markAttendance(registration, attendance, clock.instant());
        return registration;
    }

    /** « Atelier « Découvrir sa tablette », mardi 3 décembre 2026 à 14 h 00 », as staff read a conflict. */
    static String label(String title, Instant start) {
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
