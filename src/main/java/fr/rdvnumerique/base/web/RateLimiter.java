package fr.rdvnumerique.base.web;

import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.db.UtcColumns;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-address limits on the public forms, so that one machine cannot fill every seat or slot. The buckets live in
 * the database ({@link SharedBuckets}), so two application nodes share one allowance. Refusals are counted per
 * purpose ({@code rdv.rate.limit.refusals}), never per address.
 *
 * <p>A limit that trips is logged once per node (purpose and channel, never the address) until the address or kiosk
 * gets through again; the refusals of residents' requests for a place are kept for a day ({@link #refusedRequests},
 * in the database, whichever node refused) so that the staff home screen can say so: a médiathèque's public computers
 * share one address, and the operator may have to raise the per-address limit
 * ({@code RDV_APPOINTMENT_BOOKINGS_PER_HOUR_PER_ADDRESS}, {@code RDV_ATELIER_FORM_SUBMISSIONS_PER_HOUR}).
 */
@Component
public class RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);
    /** Bucket keys of this class start with it ({@link #reset()}). */
    private static final String PREFIX = "limit.";
    private static final int MAX_TRACKED = 20_000;
    static final Duration REMEMBERED = Duration.ofHours(24);

    private final MeterRegistry meters;
    private final Clock clock;
    private final SharedBuckets buckets;
    private final JdbcClient jdbc;
    /** Limits that tripped on this node and were logged, until they let a request through again. */
    private final Map<String, Boolean> tripped = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    RateLimiter(MeterRegistry meters, Clock clock, SharedBuckets buckets, JdbcClient jdbc) {
        this.meters = meters;
        this.clock = clock;
        this.buckets = buckets;
        this.jdbc = jdbc;
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
        String key = purpose + '|' + source;
        var bucket = buckets.bucket(PREFIX + purpose, source, () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                .build());
        if (bucket.tryConsume(1)) {
            synchronized (tripped) {
                tripped.remove(key);
            }
            return true;
        }
        Counter.builder("rdv.rate.limit.refusals").description("Public actions refused by the per-address limit")
                .tag("purpose", purpose).register(meters).increment();
        boolean first;
        synchronized (tripped) {
            first = tripped.put(key, Boolean.TRUE) == null;
        }
        if (first) {
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
            jdbc.sql("insert into rate_limit_refusal (refused_at, purpose) values (:at, :purpose)")
                    .param("at", UtcColumns.toDb(clock.instant())).param("purpose", purpose).update();
        }
        return allowed;
    }

    /** Residents' requests for a place (bookings, registrations) refused by a limit in the last 24 hours. */
    public int refusedRequests() {
        return jdbc.sql("select count(*) from rate_limit_refusal where refused_at > :since")
                .param("since", UtcColumns.toDb(clock.instant().minus(REMEMBERED))).query(Integer.class).single();
    }

    /** Refusals older than a day say nothing any more. */
    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void forgetOldRefusals() {
        jdbc.sql("delete from rate_limit_refusal where refused_at <= :before")
                .param("before", UtcColumns.toDb(clock.instant().minus(REMEMBERED))).update();
    }

    /** Forgets every address and refusal (tests, or an operator after an incident). */
    public void reset() {
        buckets.clear(PREFIX);
        jdbc.sql("delete from rate_limit_refusal").update();
        synchronized (tripped) {
            tripped.clear();
        }
    }
}
