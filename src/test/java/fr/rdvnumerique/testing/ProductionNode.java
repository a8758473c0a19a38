package fr.rdvnumerique.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The production jar run as a process of its own, as a deployment runs it: production mode, no dev tools, its
 * own heap. Benchmarks that measure what a server does (start time, memory per visitor, two nodes) start it
 * against the database their test context has migrated and seeded. {@code bench/run} builds the jar with {@code
 * bench/production-jar} and passes its path as {@code bench.jar}.
 */
public final class ProductionNode implements AutoCloseable {

    /**
     * A heap space's line of {@code GC.heap_info}: G1's one heap, or the Parallel GC's young and old generations
     * (the production collector), whose sum is the heap used. Metaspace is not heap.
     */
    private static final Pattern HEAP_USED = Pattern.compile(
            "(?m)^\\s*(?:garbage-first heap|PSYoungGen|ParOldGen)\\s+total \\d+K, used (\\d+)K");

    private final Process process;
    private final int port;
    private final Path log;
    private final long launchedNanos;

    private ProductionNode(Process process, int port, Path log, long launchedNanos) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.launchedNanos = launchedNanos;
    }

    /**
     * The JVM options of docker/Dockerfile's {@code JAVA_OPTS} that change how the application runs (the others size
     * the heap from the container's memory and set the time zone, which each launch gives here).
     */
    static final List<String> PRODUCTION_JVM_OPTIONS = List.of("-XX:+UseParallelGC");

    /**
     * How to start a node: its name (for its log), the database, the JVM's options and environment added to the
     * production defaults.
     */
    public record Launch(String name, String jdbcUrl, String username, String password, List<String> jvmOptions,
                         Map<String, String> environment) {

        public static Launch of(String name, String jdbcUrl) {
            return new Launch(name, jdbcUrl, "root", "", List.of("-Xmx1g"), Map.of());
        }

        public Launch withJvmOptions(String... options) {
            var all = new ArrayList<>(jvmOptions);
            all.addAll(List.of(options));
            return new Launch(name, jdbcUrl, username, password, all, environment);
        }

        public Launch withEnvironment(String key, String value) {
            var all = new LinkedHashMap<>(environment);
            all.put(key, value);
            return new Launch(name, jdbcUrl, username, password, jvmOptions, all);
        }
    }

    /** The production jar built by {@code bench/production-jar}. */
    public static Path jar() {
        String path = System.getProperty("bench.jar", "");
        if (path.isBlank() || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("No production jar (bench.jar='" + path + "'): run this benchmark through "
                    + "bench/run, which builds it with bench/production-jar");
        }
        return Path.of(path);
    }

    /**
     * The jar in Spring Boot's extracted layout (the application jar beside its libraries), which starts faster
     * than the nested jar and is what the JDK's AOT cache needs: a plain class path. Extracted once per jar.
     */
    public static synchronized Path extracted() {
        Path jar = jar();
        Path dir = jar.resolveSibling(jar.getFileName() + ".extracted");
        Path app = dir.resolve(jar.getFileName());
        if (!Files.isRegularFile(app)) {
            run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", dir.toString()),
                    Duration.ofMinutes(2), dir.resolveSibling(jar.getFileName() + ".extract.log"));
        }
        return app;
    }

    /**
     * The JDK's AOT cache of the extracted jar (JEP 483/514): a training run that starts the application
     * against {@code launch}'s database and exits once the context is refreshed. Made once per jar.
     */
    public static synchronized Path aotCache(Launch launch) {
        Path app = extracted();
        Path cache = app.resolveSibling("app.aot");
        if (!Files.isRegularFile(cache)) {
            var command = new ArrayList<String>();
            command.add(java());
            command.addAll(PRODUCTION_JVM_OPTIONS);
        command.addAll(launch.jvmOptions());
            command.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar",
                    app.toString(), "--server.port=0", "--management.server.port=0"));
            var builder = new ProcessBuilder(command);
            environment(builder, launch);
            run(builder, Duration.ofMinutes(5), app.resolveSibling("aot-training.log"));
            if (!Files.isRegularFile(cache)) {
                throw new IllegalStateException("The AOT cache was not written: see " + app.resolveSibling("aot-training.log"));
            }
        }
        return cache;
    }

    /** Starts the jar (or the extracted jar, which {@code launch}'s options may give an AOT cache) on a free port. */
    public static ProductionNode start(Path jar, Launch launch) {
        int port = freePort();
        var command = new ArrayList<String>();
        command.add(java());
        command.addAll(PRODUCTION_JVM_OPTIONS);
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--management.server.port=" + freePort()));
        var builder = new ProcessBuilder(command);
        environment(builder, launch);
        Path log = Path.of("target", "bench-node-" + launch.name() + ".log").toAbsolutePath();
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            long launched = System.nanoTime();
            var node = new ProductionNode(builder.start(), port, log, launched);
            Runtime.getRuntime().addShutdownHook(new Thread(node.process::destroyForcibly));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void environment(ProcessBuilder builder, Launch launch) {
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", launch.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", launch.username());
        env.put("SPRING_DATASOURCE_PASSWORD", launch.password());
        env.put("RDV_ADMIN_EMAIL", "admin@bench.example.org");
        env.put("RDV_ADMIN_PASSWORD", "bench-admin-password-" + ProcessHandle.current().pid());
        env.put("RDV_PERSON_KEY_SECRET", "bench-person-key-secret-of-forty-characters-at-least");
        env.put("RDV_DEMO_DATA", "false");
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.putAll(launch.environment());
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Polls {@code path} until it answers 200 and returns the time since launch: what someone waiting for the
     * service sees.
     */
    public Duration awaitFirstPage(String path, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The node stopped while starting: see " + log);
            }
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - launchedNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("No page within " + timeout + ": see " + log);
    }

    /** Heap in use after full collections, read with the JDK's {@code jcmd}, in bytes. */
    public long heapUsedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            jcmd("GC.run");
            Thread.sleep(300);
        }
        String info = jcmd("GC.heap_info");
        var matcher = HEAP_USED.matcher(info);
        long usedKb = 0;
        boolean found = false;
        while (matcher.find()) {
            usedKb += Long.parseLong(matcher.group(1));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("Unexpected GC.heap_info output: " + info);
        }
        return usedKb * 1024;
    }

    /** CPU time the node's process has used so far (all its threads), in nanoseconds. */
    public long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("The node's CPU time is not reported here"));
    }

    /** Runs a diagnostic command in the node ({@code jcmd PID command}, e.g. a flight recording): what it printed. */
    public String jcmd(String command) {
        Path jcmd = Path.of(java()).resolveSibling("jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), command).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the node as a crash would: no shutdown hooks, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The JDK this test runs on: the node runs on the same one. */
    static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    private static void run(List<String> command, Duration timeout, Path log) {
        run(new ProcessBuilder(command), timeout, log);
    }

    private static void run(ProcessBuilder builder, Duration timeout, Path log) {
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            Process p = builder.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Timed out: " + builder.command() + " (see " + log + ")");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("Failed (" + p.exitValue() + "): " + builder.command() + " (see " + log + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
