package fr.rdvnumerique.base.web;

import fr.rdvnumerique.base.domain.Origin;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Per-address limits on the public forms, so that one machine cannot fill every seat or slot. Buckets are
 * kept in memory for the most recent addresses only. Refusals are counted per purpose
 * ({@code rdv.rate.limit.refusals}), never per address.
 */
@Component
public class RateLimiter {

    private static final int MAX_TRACKED = 20_000;

    private final MeterRegistry meters;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    RateLimiter(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * Takes one token for this purpose and address.
     *
     * @return false when the address has used its allowance: refuse the action with a kind message
     */
    public boolean tryAcquire(String purpose, String address, int perHour) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(purpose + '|' + address, key -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
                    .build());
        }
        if (bucket.tryConsume(1)) {
            return true;
        }
        Counter.builder("rdv.rate.limit.refusals").description("Public actions refused by the per-address limit")
                .tag("purpose", purpose).register(meters).increment();
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
        return switch (origin.channel()) {
            case WEB -> tryAcquire(purpose, origin.source(), webPerHour);
            case KIOSK -> tryAcquire(purpose + "-kiosk", origin.source(), kioskPerHour);
            case STAFF -> true;
        };
    }

    /** Forgets every address (tests, or an operator after an incident). */
    public void reset() {
        synchronized (buckets) {
            buckets.clear();
        }
    }
}
