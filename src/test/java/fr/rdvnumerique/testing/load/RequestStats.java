package fr.rdvnumerique.testing.load;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every HTTP request of a load run: its duration (wall time from sending to the last byte of the answer), its kind
 * ("page", "init", "open" (the navigation that opens a route), "navigate" (following a link), "click", "fill")
 * and whether it failed. Thread-safe; one instance per measured
 * round (a warm-up round gets one of its own, thrown away).
 */
public final class RequestStats {

    private final Object lock = new Object();
    private long[] nanos = new long[4096];
    private int count;
    private final LongAdder failures = new LongAdder();
    private final Map<String, RequestStats> byKind = new ConcurrentHashMap<>();

    /** One request; {@code ok} false for a refused status, a timeout or a broken connection. */
    public void record(String kind, long durationNanos, boolean ok) {
        synchronized (lock) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = durationNanos;
        }
        if (kind != null) {
            byKind.computeIfAbsent(kind, k -> new RequestStats()).record(null, durationNanos, ok);
        }
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

    /** The requests of one kind ("init", "open", "navigate", "click", "fill"...), empty when none. */
    public RequestStats kind(String kind) {
        return byKind.getOrDefault(kind, new RequestStats());
    }

    /** Per kind: "n=… mean=… p95=… ms", sorted by kind. */
    public Map<String, String> byKind() {
        var lines = new TreeMap<String, String>();
        byKind.forEach((kind, stats) -> {
            long[] all = stats.durations();
            double mean = Arrays.stream(all).average().orElse(0) / 1e6;
            lines.put(kind, String.format("n=%d mean=%.1f ms p95=%.1f ms", all.length, mean, stats.percentileMs(95)));
        });
        return lines;
    }
}
