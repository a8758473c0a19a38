package fr.rdvnumerique.atelier;

import fr.rdvnumerique.atelier.domain.Admission;
import fr.rdvnumerique.atelier.domain.Participant;
import fr.rdvnumerique.atelier.domain.Registrar;
import fr.rdvnumerique.atelier.domain.Registration;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.ContactDetails;
import fr.rdvnumerique.base.domain.EmailAddress;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.PersonName;
import fr.rdvnumerique.base.domain.PhoneNumber;
import fr.rdvnumerique.base.web.SecretTokens;
import fr.rdvnumerique.territory.CommuneSummary;
import fr.rdvnumerique.territory.TerritoryDirectory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Registration itself, shared by {@link RegistrationService} (web, kiosk) and {@link RosterService} (staff).
 *
 * <p>Not {@code @Transactional}. The request, checked, joins its session's queue: the
 * thread that gets the queue's lock takes every request waiting there and registers them, in arrival order, in
 * one transaction under the session's row lock (see {@link Registrar#registerAll}; run by {@link ConflictRetry}, which starts it again on a
 * deadlock, lock wait timeout or snapshot conflict). When many people press "Je m'inscris" together, they share
 * one row lock and one commit instead of queueing for the row one by one; alone, a request is its own group.
 * The row lock, the CHECK constraint and the unique keys still hold across application instances: the queue
 * only groups the requests one instance receives.
 */
@Component
class RegistrationDesk {

    /** At most this many registrations in one transaction. */
    static final int MAX_GROUP = 100;

    private final Registrar registrar;
    private final AtelierReads reads;
    private final TerritoryDirectory directory;
    private final ConflictRetry retry;
    private final AtelierProperties properties;
    private final ConcurrentHashMap<Long, SessionQueue> queues = new ConcurrentHashMap<>();

    RegistrationDesk(Registrar registrar, AtelierReads reads, TerritoryDirectory directory, ConflictRetry retry,
                     AtelierProperties properties) {
        this.registrar = registrar;
        this.reads = reads;
        this.directory = directory;
        this.retry = retry;
        this.properties = properties;
    }

    /** Registers through any channel; callers check who may use which. */
    public RegistrationResult register(RegistrationRequest request) {
        Participant person = participant(request);
        Registration.checkDevice(request.channel(), request.kioskDeviceId());
        if (person.residenceCommuneId() != null) {
            long structureId = reads.structureOfSession(request.sessionId());
            if (directory.commune(person.residenceCommuneId()).map(CommuneSummary::structureId)
                    .filter(id -> id == structureId).isEmpty()) {
                throw new InvalidValueException("atelier.registration.commune.invalid");
            }
        }
        String token = SecretTokens.generate();
        var pending = new Pending(new Registrar.Candidate(person, request.channel(), request.kioskDeviceId(),
                SecretTokens.hash(token), request.acceptWaitingList()));
        Registrar.Outcome outcome;
        try {
            outcome = submit(request.sessionId(), pending);
        } catch (DataIntegrityViolationException e) {
            // Another instance registered the same contact at the same moment: the unique keys caught it.
            if (isDuplicateContact(e)) {
                String emailKey = person.contact().emailAddress().map(EmailAddress::canonical).orElse(null);
                String phone = person.contact().phoneNumber().map(PhoneNumber::e164).orElse(null);
                return reads.activeByContact(request.sessionId(), emailKey, phone).map(reads::alreadyRegistered)
                        .orElseThrow(() -> e);
            }
            throw e;
        }
        return switch (outcome) {
            case Registrar.Outcome.Admitted a when a.admission() instanceof Admission.Waitlisted w ->
                    new RegistrationResult.Waitlisted(a.registration().getId(), a.registration().getSeats(), w.position(),
                            token);
            case Registrar.Outcome.Admitted a -> new RegistrationResult.Confirmed(a.registration().getId(),
                    a.registration().getSeats(), token);
            case Registrar.Outcome.AlreadyRegistered d -> new RegistrationResult.AlreadyRegistered(d.existing().getId(),
                    d.existing().getStatus(), d.position());
            case Registrar.Outcome.Refused r -> new RegistrationResult.Rejected(r.reasonKey(), r.arguments());
        };
    }

    // --- Grouping concurrent registrations of one session ----------------------------------------------------

    private static final class SessionQueue {
        final ReentrantLock lock = new ReentrantLock();
        final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    }

    private static final class Pending {
        final Registrar.Candidate candidate;
        final CompletableFuture<Registrar.Outcome> outcome = new CompletableFuture<>();

        Pending(Registrar.Candidate candidate) {
            this.candidate = candidate;
        }
    }

    private Registrar.Outcome submit(long sessionId, Pending mine) {
        SessionQueue queue = queues.computeIfAbsent(sessionId, id -> new SessionQueue());
        queue.pending.add(mine);
        queue.lock.lock();
        try {
            // A previous holder of the lock may have registered this request with its group already.
            while (!mine.outcome.isDone()) {
                var group = new ArrayList<Pending>();
                for (Pending p; group.size() < MAX_GROUP && (p = queue.pending.poll()) != null; ) {
                    group.add(p);
                }
                process(sessionId, group);
            }
            if (queue.pending.isEmpty()) {
                // Requests that still reach this queue object are processed by whoever holds its lock.
                queues.remove(sessionId, queue);
            }
        } finally {
            queue.lock.unlock();
        }
        try {
            return mine.outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The group in one transaction; if it fails, each request on its own, so one bad request fails alone. */
    private void process(long sessionId, List<Pending> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            List<Registrar.Outcome> results = retry.inTransaction(() -> registrar.registerAll(sessionId,
                    group.stream().map(p -> p.candidate).toList(), cap()));
            for (int i = 0; i < group.size(); i++) {
                group.get(i).outcome.complete(results.get(i));
            }
            return;
        } catch (RuntimeException groupFailure) {
            if (group.size() == 1) {
                group.getFirst().outcome.completeExceptionally(groupFailure);
                return;
            }
        }
        for (Pending p : group) {
            try {
                p.outcome.complete(retry.inTransaction(() -> registrar.register(sessionId, p.candidate, cap())));
            } catch (RuntimeException e) {
                p.outcome.completeExceptionally(e);
            }
        }
    }

    private int cap() {
        return properties.maxActiveRegistrationsPerContact();
    }

    // --- Checks ------------------------------------------------------------------------------------------------

    static Participant participant(RegistrationRequest r) {
        PersonName first = PersonName.of(r.firstName());
        PersonName last = PersonName.of(r.lastName());
        ContactDetails contact = ContactDetails.of(r.email(), r.phone());
        boolean companionFirst = r.companionFirstName() != null && !r.companionFirstName().isBlank();
        boolean companionLast = r.companionLastName() != null && !r.companionLastName().isBlank();
        if (companionFirst != companionLast) {
            throw new InvalidValueException("atelier.registration.companion.incomplete");
        }
        PersonName companionFirstName = companionFirst ? PersonName.of(r.companionFirstName()) : null;
        PersonName companionLastName = companionLast ? PersonName.of(r.companionLastName()) : null;
        return new Participant(first, last, contact, companionFirstName, companionLastName, r.residenceCommuneId(),
                r.residesElsewhere(), r.ageBand(), r.interests(), r.wantsReminders());
    }

    static boolean isDuplicateContact(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == 1062 && sql.getMessage() != null
                    && (sql.getMessage().contains("uk_atelier_registration_email")
                    || sql.getMessage().contains("uk_atelier_registration_phone"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
