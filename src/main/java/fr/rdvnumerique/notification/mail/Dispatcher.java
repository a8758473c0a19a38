package fr.rdvnumerique.notification.mail;

import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.notification.domain.Backoff;
import fr.rdvnumerique.notification.domain.OutboxRepository;
import fr.rdvnumerique.notification.domain.OutboxRepository.Outcome;
import fr.rdvnumerique.notification.domain.OutboxRepository.StoredMessage;
import fr.rdvnumerique.notification.domain.QuietHours;
import fr.rdvnumerique.notification.domain.StaffNote;
import fr.rdvnumerique.notification.domain.StaffNote.Code;
import fr.rdvnumerique.notification.internal.DeliveryResult;
import fr.rdvnumerique.notification.internal.NotificationChannel;
import fr.rdvnumerique.notification.internal.NotificationSettings;
import fr.rdvnumerique.notification.internal.OutgoingMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox. Each batch is claimed in a short transaction of its own: {@code SELECT … FOR UPDATE SKIP
 * LOCKED} on due PENDING rows, then status SENDING with a lease owned by this claim. The mail server is only
 * contacted after that commit, a chunk at a time: before each chunk the lease is extended for the rows this claim
 * still owns, and only those are sent; each chunk's outcome is recorded at once. So two instances on one
 * database never send the same message, a message whose sender died comes back when its lease expires, and a
 * dispatcher slowed down past its lease (a slow mail server) leaves the rest of its batch to whoever took it back.
 *
 * <p>Each message's outcome is recorded as soon as the server answered, before the next message of the chunk
 * leaves, in one autocommit statement on a connection the chunk holds ({@link OutboxRepository#recorder}). Delivery
 * is still at least once: a crash after the SMTP server accepted a message and before its outcome was recorded (the
 * message in flight, one per dying sender) sends it again, with the same deterministic Message-ID. Reminders are
 * held back during the quiet hours (a retry of a reminder does not go out at night either).
 */
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final OutboxRepository messages;
    private final Map<String, NotificationChannel> channels;
    private final ManagementLinks links;
    private final ConflictRetry retry;
    private final Clock clock;
    private final NotificationSettings.Dispatcher settings;
    private final QuietHours quietHours;
    private final Backoff backoff;

    public Dispatcher(OutboxRepository messages, List<NotificationChannel> channels, ManagementLinks links,
                      ConflictRetry retry, Clock clock, NotificationSettings.Dispatcher settings, QuietHours quietHours) {
        this.messages = messages;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
        this.links = links;
        this.retry = retry;
        this.clock = clock;
        this.settings = settings;
        this.quietHours = quietHours;
        this.backoff = new Backoff(settings.backoff());
    }

    /** What one run did. */
    public record Report(int claimed, int sent, int failed, int released) {

        Report plus(Report other) {
            return new Report(claimed + other.claimed, sent + other.sent, failed + other.failed, released + other.released);
        }
    }

    /** One run of the job: takes back expired leases, then sends due messages batch by batch. */
    public Report runOnce() {
        int released = retry.inTransaction(() -> messages.releaseExpiredLeases(clock.instant(), settings.maxAttempts()));
        if (released > 0) {
            log.warn("{} message(s) whose sender stopped while sending are due again", released);
        }
        var report = new Report(0, 0, 0, released);
        for (int batch = 0; batch < settings.maxBatches(); batch++) {
            String owner = UUID.randomUUID().toString();
            List<StoredMessage> claimed = claim(owner);
            if (claimed.isEmpty()) {
                break;
            }
            report = report.plus(deliver(owner, claimed));
            if (claimed.size() < settings.batchSize()) {
                break;
            }
        }
        if (report.failed() > 0) {
            log.warn("Outbox: {} sent, {} failed (will be retried or are marked failed)", report.sent(), report.failed());
        }
        return report;
    }

    private List<StoredMessage> claim(String owner) {
        return retry.inTransaction(() -> {
            Instant now = clock.instant();
            List<Long> ids = messages.lockDue(now, settings.batchSize(), !quietHours.isQuiet(now), channels.keySet());
            messages.lease(ids, owner, now.plus(settings.lease()));
            return messages.load(ids);
        });
    }

    private Report deliver(String owner, List<StoredMessage> claimed) {
        var byChannel = new LinkedHashMap<String, List<StoredMessage>>();
        claimed.forEach(message -> byChannel.computeIfAbsent(message.channel(), c -> new ArrayList<>()).add(message));
        int sent = 0;
        int failed = 0;
        for (var entry : byChannel.entrySet()) {
            var outcomes = new ArrayList<Outcome>();
            NotificationChannel channel = channels.get(entry.getKey());
            Optional<StaffNote> unavailable = channel == null ? Optional.of(StaffNote.of(Code.CHANNEL_UNKNOWN, entry.getKey()))
                    : channel.unavailable();
            if (unavailable.isPresent()) {
                // Checked first, so that no private link is minted for a message that cannot leave.
                entry.getValue().forEach(m -> outcomes.add(
                        failure(m.id(), m.attempts(), unavailable.get(), channel == null)));
                record(owner, outcomes);
            } else {
                var messagesOfChannel = entry.getValue();
                for (int from = 0; from < messagesOfChannel.size(); from += settings.chunkSize()) {
                    var chunk = messagesOfChannel.subList(from, Math.min(messagesOfChannel.size(), from + settings.chunkSize()));
                    outcomes.addAll(sendChunk(owner, channel, chunk));
                }
            }
            int ok = (int) outcomes.stream().filter(o -> o.error() == null).count();
            sent += ok;
            failed += outcomes.size() - ok;
        }
        return new Report(claimed.size(), sent, failed, 0);
    }

    /** Sends the messages of a chunk this claim still owns; the others are left to whoever took them back. */
    private List<Outcome> sendChunk(String owner, NotificationChannel channel, List<StoredMessage> chunk) {
        Set<Long> stillOwned = new HashSet<>(retry.inTransaction(() -> messages.renewLease(
                chunk.stream().map(StoredMessage::id).toList(), owner, clock.instant().plus(settings.lease()))));
        if (stillOwned.size() < chunk.size()) {
            log.warn("{} message(s) were taken back by another dispatcher after this one's lease ran out; not sent here",
                    chunk.size() - stillOwned.size());
        }
        var outcomes = new ArrayList<Outcome>();
        var attempts = new HashMap<Long, Integer>();
        var ready = new ArrayList<OutgoingMessage>();
        for (StoredMessage message : chunk) {
            if (!stillOwned.contains(message.id())) {
                continue;
            }
            attempts.put(message.id(), message.attempts());
            try {
                ready.add(links.prepare(message));
            } catch (ManagementLinks.LinkUnavailable e) {
                outcomes.add(failure(message.id(), message.attempts(), e.note(), e.permanent()));
            }
        }
        record(owner, outcomes);
        if (ready.isEmpty()) {
            return outcomes;
        }
        // Each message's outcome is recorded as soon as the channel knows it, before the next one leaves: a sender
        // that dies here leaves at most the message in flight to be sent again when its lease runs out.
        var told = new HashSet<Long>();
        try (var recorder = messages.recorder(owner)) {
            Consumer<DeliveryResult> recordNow = result -> {
                told.add(result.id());
                Outcome outcome = result.ok() ? new Outcome(result.id(), clock.instant(), null, false, null)
                        : failure(result.id(), attempts.get(result.id()), result.error(), result.permanent());
                if (!recorder.record(outcome)) {
                    record(owner, List.of(outcome));
                }
                outcomes.add(outcome);
            };
            try {
                channel.deliver(ready, recordNow);
            } catch (RuntimeException e) {
                for (OutgoingMessage message : ready) {
                    if (!told.contains(message.id())) {
                        recordNow.accept(DeliveryResult.failed(message.id(), EmailChannel.describe(e), false));
                    }
                }
            }
        }
        return outcomes;
    }

    private void record(String owner, List<Outcome> outcomes) {
        if (!outcomes.isEmpty()) {
            retry.runInTransaction(() -> messages.record(owner, outcomes));
        }
    }

    private Outcome failure(long id, int attempts, StaffNote error, boolean permanent) {
        Instant now = clock.instant();
        var decision = backoff.afterFailure(attempts, permanent, now);
        return new Outcome(id, now, error, decision.giveUp(), decision.nextAttemptAt());
    }
}
