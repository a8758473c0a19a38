package fr.rdvnumerique.notification.mail;

import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.notification.DeliveryResult;
import fr.rdvnumerique.notification.NotificationChannel;
import fr.rdvnumerique.notification.NotificationSettings;
import fr.rdvnumerique.notification.OutgoingMessage;
import fr.rdvnumerique.notification.domain.Backoff;
import fr.rdvnumerique.notification.domain.OutboxRepository;
import fr.rdvnumerique.notification.domain.OutboxRepository.Outcome;
import fr.rdvnumerique.notification.domain.OutboxRepository.StoredMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox. Each batch is claimed in a short transaction of its own: {@code SELECT … FOR UPDATE SKIP
 * LOCKED} on due PENDING rows, then status SENDING with a lease owned by this claim. The mail server is only
 * contacted after that commit, and the outcome is recorded in another short transaction, for the rows this
 * claim still owns. So two instances on one database never send the same message, and a message whose sender
 * died comes back when its lease expires.
 *
 * <p>Delivery is at least once: a crash after the SMTP server accepted a message and before the outcome was
 * recorded sends it again, with the same deterministic Message-ID.
 */
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final OutboxRepository messages;
    private final Map<String, NotificationChannel> channels;
    private final ManagementLinks links;
    private final ConflictRetry retry;
    private final Clock clock;
    private final NotificationSettings.Dispatcher settings;
    private final Backoff backoff;

    public Dispatcher(OutboxRepository messages, List<NotificationChannel> channels, ManagementLinks links,
                      ConflictRetry retry, Clock clock, NotificationSettings.Dispatcher settings) {
        this.messages = messages;
        this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
        this.links = links;
        this.retry = retry;
        this.clock = clock;
        this.settings = settings;
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
            List<Long> ids = messages.lockDue(now, settings.batchSize());
            messages.lease(ids, owner, now.plus(settings.lease()));
            return messages.load(ids);
        });
    }

    private Report deliver(String owner, List<StoredMessage> claimed) {
        var outcomes = new ArrayList<Outcome>();
        var byChannel = new LinkedHashMap<String, List<StoredMessage>>();
        var attempts = new HashMap<Long, Integer>();
        for (StoredMessage message : claimed) {
            attempts.put(message.id(), message.attempts());
            byChannel.computeIfAbsent(message.channel(), c -> new ArrayList<>()).add(message);
        }
        for (var entry : byChannel.entrySet()) {
            NotificationChannel channel = channels.get(entry.getKey());
            if (channel == null) {
                entry.getValue().forEach(m -> outcomes.add(failure(m.id(), m.attempts(),
                        "Canal d’envoi inconnu : " + entry.getKey(), true)));
                continue;
            }
            var unavailable = channel.unavailable();
            if (unavailable.isPresent()) {
                // Checked first, so that no private link is minted for a message that cannot leave.
                entry.getValue().forEach(m -> outcomes.add(failure(m.id(), m.attempts(), unavailable.get(), false)));
                continue;
            }
            var ready = new ArrayList<OutgoingMessage>();
            for (StoredMessage message : entry.getValue()) {
                try {
                    ready.add(links.prepare(message));
                } catch (ManagementLinks.LinkUnavailable e) {
                    outcomes.add(failure(message.id(), message.attempts(), e.getMessage(), e.permanent()));
                }
            }
            if (ready.isEmpty()) {
                continue;
            }
            List<DeliveryResult> results;
            try {
                results = channel.deliver(ready);
            } catch (RuntimeException e) {
                results = ready.stream().map(m -> DeliveryResult.failed(m.id(), EmailChannel.describe(e), false)).toList();
            }
            Instant now = clock.instant();
            for (DeliveryResult result : results) {
                outcomes.add(result.ok() ? new Outcome(result.id(), now, null, false, null)
                        : failure(result.id(), attempts.get(result.id()), result.error(), result.permanent()));
            }
        }
        retry.runInTransaction(() -> messages.record(owner, outcomes));
        int sent = (int) outcomes.stream().filter(o -> o.error() == null).count();
        return new Report(claimed.size(), sent, outcomes.size() - sent, 0);
    }

    private Outcome failure(long id, int attempts, String error, boolean permanent) {
        Instant now = clock.instant();
        var decision = backoff.afterFailure(attempts, permanent, now);
        return new Outcome(id, now, error, decision.giveUp(), decision.nextAttemptAt());
    }
}
