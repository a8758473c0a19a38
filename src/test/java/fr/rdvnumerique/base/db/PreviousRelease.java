package fr.rdvnumerique.base.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The release before this one, taken from git history, built as its own sources say and run as an operator ran
 * it: the production jar against a MariaDB server. Used by {@link UpgradeFromPreviousReleaseTest}.
 *
 * @param name   the tag, or a description of the pinned commit
 * @param commit the full commit hash
 */
record PreviousRelease(String name, String commit) {

    /**
     * Release 1.0.0: the state before the first round of release work (ADR 007). The check compares against it
     * when the clone has no release tag (a clone without tags, or before {@code v1.0.0} was tagged).
     */
    static final String PINNED_COMMIT = "a020b6723efdb2fc02725a8f0943fd9dea0325b3";
    static final String PINNED_NAME = "1.0.0 (commit a020b67)";

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);

    /**
     * The newest release tag ({@code v1.2.3}) reachable from HEAD that is not HEAD itself (a tag on HEAD is this
     * release), else the pinned commit.
     */
    static PreviousRelease resolve(Path repository) {
        String head = git(repository, "rev-parse", "HEAD").strip();
        for (String tag : git(repository, "tag", "--merged", "HEAD", "--list", "v[0-9]*", "--sort=-v:refname").lines()
                .map(String::strip).filter(t -> !t.isEmpty()).toList()) {
            String commit = git(repository, "rev-list", "-n", "1", tag).strip();
            if (!commit.equals(head)) {
                return new PreviousRelease(tag, commit);
            }
        }
        if (run(repository, List.of("git", "cat-file", "-e", PINNED_COMMIT + "^{commit}"), null, Duration.ofMinutes(1)) != 0) {
            throw new IllegalStateException("The previous release (commit " + PINNED_COMMIT + ") is not in this clone: "
                    + "the upgrade check needs the history (git fetch --unshallow, or a clone without --depth)");
        }
        return new PreviousRelease(PINNED_NAME, PINNED_COMMIT);
    }

    /**
     * The release's production jar, built once into {@code target/upgrade/<commit>/} from {@code git archive}
     * (no work tree to register or clean up), without its tests. A second run reuses it.
     */
    Path jar(Path repository, Path workDirectory) {
        Path sources = workDirectory.resolve(commit.substring(0, 12));
        Path built = findJar(sources);
        if (built != null) {
            return built;
        }
        deleteRecursively(sources);
        try {
            Files.createDirectories(sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = workDirectory.resolve("build-" + commit.substring(0, 12) + ".log");
        String archive = "git archive --format=tar " + commit + " | tar -x -C '" + sources.toAbsolutePath() + "'";
        if (run(repository, List.of("sh", "-c", archive), log, Duration.ofMinutes(2)) != 0) {
            throw new IllegalStateException("Could not extract " + name + " from git (see " + log + ")");
        }
        int status = run(sources, List.of("./mvnw", "-B", "-q", "-Pproduction", "-Dmaven.test.skip=true", "package"), log,
                BUILD_TIMEOUT);
        built = findJar(sources);
        if (status != 0 || built == null) {
            throw new IllegalStateException("Could not build " + name + " (see " + log + ")");
        }
        return built;
    }

    /** Starts the release's jar with these environment variables and arguments; its output goes to {@code log}. */
    static Process start(Path jar, Map<String, String> environment, List<String> arguments, Path log) {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Duser.timezone=Europe/Paris", "-jar", jar.toAbsolutePath().toString()));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks the process to stop (SIGTERM: Spring closes cleanly), then kills it if it has not within a minute. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Path findJar(Path sources) {
        Path target = sources.resolve("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("rdv-numerique-.*\\.jar")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String git(Path repository, String... arguments) {
        var command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command to its end within {@code timeout} (killed after that); returns its exit status. */
    private static int run(Path directory, List<String> command, Path log, Duration timeout) {
        var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        if (log == null) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
