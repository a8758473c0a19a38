package fr.rdvnumerique.base.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Answers kept for a few seconds, for what every page shows to every visitor and what a few seconds' delay cannot
 * make wrong (a footer's wording, a structure's name next to a form). Never for what decides access or capacity:
 * those are read from the database, which every node shares. Entries are bounded in number: when it is full, the
 * expired answers are dropped, and every answer if none has expired yet.
 *
 * @param <K> what the answer depends on (null allowed)
 * @param <V> the answer (null allowed)
 */
public final class ShortLived<K, V> {

    private record Entry<V>(Optional<V> value, Instant until) {
    }

    private static final Object NULL_KEY = new Object();

    private final Duration lifetime;
    private final int maxEntries;
    private final Clock clock;
    private final Map<Object, Entry<V>> entries = new ConcurrentHashMap<>();

    public ShortLived(Duration lifetime, int maxEntries, Clock clock) {
        this.lifetime = lifetime;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The answer for {@code key}: the kept one while it lives, otherwise {@code load}'s, kept from now on. */
    public V get(K key, Function<K, V> load) {
        Object k = key == null ? NULL_KEY : key;
        Instant now = clock.instant();
        Entry<V> entry = entries.get(k);
        if (entry != null && now.isBefore(entry.until())) {
            return entry.value().orElse(null);
        }
        V value = load.apply(key);
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> !now.isBefore(e.until()));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(k, new Entry<>(Optional.ofNullable(value), now.plus(lifetime)));
        return value;
    }

    /** Forgets every answer (after a change made on this node, so that its author sees it at once). */
    public void clear() {
        entries.clear();
    }
}
