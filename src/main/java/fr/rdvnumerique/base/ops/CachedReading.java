package fr.rdvnumerique.base.ops;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reading of the database for metrics and health, taken at most once per {@code maxAge}: a scrape asks every
 * gauge in turn, and they all share one query. A failed reading (database away) is empty until the next one, so
 * the gauges say "no value" instead of failing the whole scrape.
 */
public final class CachedReading<T> {

    /** Long enough for one scrape to read every gauge from one query, short enough to show a change at once. */
    public static final Duration ONE_SCRAPE = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

    private final Supplier<T> reader;
    private final long maxAgeNanos;
    private Optional<T> value = Optional.empty();
    private long readAt;
    private boolean taken;

    public CachedReading(Duration maxAge, Supplier<T> read) {
        this.reader = read;
        this.maxAgeNanos = maxAge.toNanos();
    }

    public synchronized Optional<T> get() {
        long now = System.nanoTime();
        if (!taken || now - readAt > maxAgeNanos) {
            try {
                value = Optional.of(reader.get());
            } catch (RuntimeException e) {
                log.warn("Reading for the metrics failed: {}", e.getClass().getSimpleName());
                value = Optional.empty();
            }
            readAt = now;
            taken = true;
        }
        return value;
    }
}
