package fr.rdvnumerique.testing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Helpers for benchmarks (JUnit classes named {@code *Benchmark}, tagged "bench", run by {@code bench/run}).
 * Figures are printed with a "bench" or two-space prefix; the last line is {@code RESULT name key=value ...}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static int intSetting(String key, int defaultValue) {
        return Integer.getInteger("bench." + key, defaultValue);
    }

    /** The p-th percentile (0–100) of durations in nanoseconds, in milliseconds with one decimal. */
    public static double percentileMs(long[] nanos, double p) {
        if (nanos.length == 0) {
            return 0;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return Math.round(sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 100_000.0) / 10.0;
    }

    public static void figure(String text) {
        System.out.println("  " + text);
    }

    /** Prints the closing line; keys keep their insertion order. */
    public static String result(String name, Map<String, Object> figures) {
        String line = "RESULT " + name + " " + figures.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        System.out.println(line);
        return line;
    }

    public static Map<String, Object> figures() {
        return new LinkedHashMap<>();
    }
}
