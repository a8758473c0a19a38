package fr.rdvnumerique.testing.load;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every HTTP request of a load run: its duration (wall time from sending to the last byte of the answer), its kind
 * ("page", "init", "navigate", "click", "fill"...) and whether it failed. Thread-safe; one instance per measured
 * round (a warm-up round gets one of its own, thrown away).
 */
public final class RequestStats {

    private final Object lock = new Object();
    private long[] nanos = new long[4096];
    private int count;
    private final LongAdder failures = new LongAdder();
    private final Map<String, LongAdder> countByKind = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> nanosByKind = new ConcurrentHashMap<>();

    /** One request; {@code ok} false for a refused status, a timeout or a broken connection. */
    public void record(String kind, long durationNanos, boolean ok) {
        synchronized (lock) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = durationNanos;
        }
        countByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
        nanosByKind.computeIfAbsent(kind, k -> new LongAdder()).add(durationNanos);
        if (!ok) {
            failures.increment();
        }
    }

    /** The durations in nanoseconds, in the order they were recorded. */
    public long[] durations() {
        synchronized (lock) {
            return Arrays.copyOf(nanos, count);
        }
    }

    public int requests() {
        synchronized (lock) {
            return count;
        }
    }

    /** Requests that got no proper answer (HTTP status other than 200, timeout, connection error). */
    public long failures() {
        return failures.sum();
    }

    /** The p-th percentile (0–100) in milliseconds, one decimal. */
    public double percentileMs(double p) {
        long[] sorted = durations();
        if (sorted.length == 0) {
            return 0;
        }
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return Math.round(sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 100_000.0) / 10.0;
    }

    /** Per kind: "kind n=… mean=… ms", sorted by kind. */
    public Map<String, String> byKind() {
        var lines = new TreeMap<String, String>();
        countByKind.forEach((kind, n) -> {
            long total = nanosByKind.get(kind).sum();
            lines.put(kind, String.format("n=%d mean=%.1f ms", n.sum(), total / 1e6 / Math.max(1, n.sum())));
        });
        return lines;
    }
}
