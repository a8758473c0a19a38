package fr.rdvnumerique.base.web;

import fr.rdvnumerique.base.domain.Origin;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Per-address limits on the public forms, so that one machine cannot fill every seat or slot. Buckets are
 * kept in memory for the most recent addresses only. Refusals are counted per purpose
 * ({@code rdv.rate.limit.refusals}), never per address.
 *
 * <p>A limit that trips is logged once (purpose and channel, never the address) until the address or kiosk gets
 * through again; the refusals of residents' requests for a place are kept for a day ({@link #refusedRequests})
 * so that the staff home screen can say so: a médiathèque's public computers share one address, and the
 * operator may have to raise the per-address limit ({@code RDV_APPOINTMENT_BOOKINGS_PER_HOUR_PER_ADDRESS},
 * {@code RDV_ATELIER_FORM_SUBMISSIONS_PER_HOUR}). The counts are this instance's.
 */
@Component
public class RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);
    private static final int MAX_TRACKED = 20_000;
    private static final int MAX_REMEMBERED_REFUSALS = 10_000;
    static final Duration REMEMBERED = Duration.ofHours(24);

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Limited> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Limited> eldest) {
            return size() > MAX_TRACKED;
        }
    };
    private final Deque<Instant> refusedRequests = new ArrayDeque<>();

    private record Limited(Bucket bucket, AtomicBoolean tripped) {
    }

    RateLimiter(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Takes one token for this purpose and address.
     *
     * @return false when the address has used its allowance: refuse the action with a kind message
     */
    public boolean tryAcquire(String purpose, String address, int perHour) {
        return take(purpose, address, perHour, "web");
    }

    private boolean take(String purpose, String source, int perHour, String channel) {
        Limited limited;
        synchronized (buckets) {
            limited = buckets.computeIfAbsent(purpose + '|' + source, key -> new Limited(Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                    .build(), new AtomicBoolean()));
        }
        if (limited.bucket().tryConsume(1)) {
            limited.tripped().set(false);
            return true;
        }
        Counter.builder("rdv.rate.limit.refusals").description("Public actions refused by the per-address limit")
                .tag("purpose", purpose).register(meters).increment();
        if (limited.tripped().compareAndSet(false, true)) {
            // Who or which address stays out of the log: the purpose and the channel say enough to act.
            LOG.warn("Rate limit reached: {} refused for a {} origin after {} in an hour", purpose, channel, perHour);
        }
        return false;
    }

    /**
     * Takes one token for a resident's request, by channel: a web request counts against its client address
     * ({@code webPerHour}), a kiosk request against the kiosk ({@code kioskPerHour}, purpose suffixed
     * {@code -kiosk}); staff requests are not limited.
     *
     * @return false when the address or kiosk has used its allowance
     */
    public boolean tryAcquire(String purpose, Origin origin, int webPerHour, int kioskPerHour) {
        boolean allowed = switch (origin.channel()) {
            case WEB -> take(purpose, origin.source(), webPerHour, "web");
            case KIOSK -> take(purpose + "-kiosk", origin.source(), kioskPerHour, "kiosk");
            case STAFF -> true;
        };
        if (!allowed) {
            synchronized (refusedRequests) {
                refusedRequests.addLast(clock.instant());
                while (refusedRequests.size() > MAX_REMEMBERED_REFUSALS) {
                    refusedRequests.removeFirst();
                }
            }
        }
        return allowed;
    }

    /** Residents' requests for a place (bookings, registrations) refused by a limit in the last 24 hours. */
    public int refusedRequests() {
        Instant since = clock.instant().minus(REMEMBERED);
        synchronized (refusedRequests) {
            while (!refusedRequests.isEmpty() && refusedRequests.peekFirst().isBefore(since)) {
                refusedRequests.removeFirst();
            }
            return refusedRequests.size();
        }
    }

    /** Forgets every address and refusal (tests, or an operator after an incident). */
    public void reset() {
        synchronized (buckets) {
            buckets.clear();
        }
        synchronized (refusedRequests) {
            refusedRequests.clear();
        }
    }
}
