package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.PlaceResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Groups the registrations one instance receives for one session into one transaction (ADR 017). Not
 * {@code @Transactional}: a checked candidate joins its session's queue, and the thread that gets the queue's lock
 * takes every candidate waiting there and registers them, in arrival order, in one transaction under the session's
 * row lock ({@link AtelierWrites#registerAll}, run by {@link ConflictRetry}, which starts it again on a deadlock,
 * lock wait timeout or snapshot conflict). When many people press "Je m'inscris" together, they share one row lock
 * and one commit instead of queueing for the row one by one; alone, a candidate is its own group. The row lock,
 * the CHECK constraint and the unique keys still hold across application instances.
 */
@Component
class RegistrationQueue {

    /** At most this many registrations in one transaction. */
    static final int MAX_GROUP = 100;

    private final AtelierWrites writes;
    private final ConflictRetry retry;
    private final AtelierProperties properties;
    private final ConcurrentHashMap<Long, SessionQueue> queues = new ConcurrentHashMap<>();

    RegistrationQueue(AtelierWrites writes, ConflictRetry retry, AtelierProperties properties) {
        this.writes = writes;
        this.retry = retry;
        this.properties = properties;
    }

    private static final class SessionQueue {
        final ReentrantLock lock = new ReentrantLock();
        final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    }

    private record Pending(AtelierWrites.Candidate candidate, CompletableFuture<PlaceResult<Seats, Void>> answer) {
    }

    /**
     * Registers the candidate with whoever else is waiting for the same session.
     *
     * @throws RuntimeException what the transaction threw for this candidate ({@code ConflictRetry.Busy}, a
     *                          duplicate key from another instance, a rule of the session…)
     */
    PlaceResult<Seats, Void> register(long sessionId, AtelierWrites.Candidate candidate) {
        var mine = new Pending(candidate, new CompletableFuture<>());
        SessionQueue queue = queues.computeIfAbsent(sessionId, id -> new SessionQueue());
        queue.pending.add(mine);
        queue.lock.lock();
        try {
            // A previous holder of the lock may have registered this candidate with its group already.
            while (!mine.answer().isDone()) {
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
            return mine.answer().get();
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

    /** The group in one transaction; if it fails, each candidate on its own, so one bad request fails alone. */
    private void process(long sessionId, List<Pending> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            List<PlaceResult<Seats, Void>> answers = retry.inTransaction(() -> writes.registerAll(sessionId,
                    group.stream().map(Pending::candidate).toList(), cap()));
            for (int i = 0; i < group.size(); i++) {
                group.get(i).answer().complete(answers.get(i));
            }
            return;
        } catch (RuntimeException groupFailure) {
            if (group.size() == 1) {
                group.getFirst().answer().completeExceptionally(groupFailure);
                return;
            }
        }
        for (Pending p : group) {
            try {
                p.answer().complete(retry.inTransaction(() -> writes.register(sessionId, p.candidate(), cap())));
            } catch (RuntimeException e) {
                p.answer().completeExceptionally(e);
            }
        }
    }

    private int cap() {
        return properties.maxActiveRegistrationsPerContact();
    }
}
