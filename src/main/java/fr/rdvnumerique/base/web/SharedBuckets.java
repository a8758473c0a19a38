package fr.rdvnumerique.base.web;

import fr.rdvnumerique.base.ops.Causes;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.CommandResult;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.distributed.remote.Request;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets kept in the database, so that every application node counts against the same allowance: bucket4j's
 * select-for-update protocol (one short transaction per action, the bucket's row locked with {@code SELECT … FOR
 * UPDATE}) over MariaDB. bucket4j's own MySQL module refers to MySQL's driver classes, which this application does not
 * ship, hence these few statements of our own. A bucket's key holds the purpose and a hash of the address or kiosk,
 * never the address. Every allowance here comes back within an hour, so a bucket untouched for {@link #KEPT} is full
 * again and {@link #removeExpired()} deletes it.
 */
@Component
public class SharedBuckets {

    static final Duration KEPT = Duration.ofMinutes(61);
    private static final int MAX_ATTEMPTS = 10;
    private static final int CLEAN_BATCH = 1_000;

    private final Store store;
    private final JdbcClient jdbc;
    private final Clock clock;

    public SharedBuckets(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
        this.store = new Store(dataSource, clock);
    }

    /**
     * The bucket of this purpose and source (an address, a kiosk), made with the given allowance when new. A bucket
     * keeps the allowance it was made with until it expires, full again (at most an hour after its last use).
     */
    public BucketProxy bucket(String purpose, String source, Supplier<BucketConfiguration> allowance) {
        return store.getProxy(key(purpose, source), allowance);
    }

    static String key(String purpose, String source) {
        return purpose + ":" + SecretTokens.hash(source == null ? "" : source);
    }

    /** Forgets the buckets of purposes starting with this prefix (an operator after an incident; tests). */
    public void clear(String purposePrefix) {
        jdbc.sql("delete from rate_limit_bucket where id like :prefix")
                .param("prefix", purposePrefix.replace("%", "\\%").replace("_", "\\_") + "%").update();
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT10M")
    void removeExpired() {
        while (jdbc.sql("delete from rate_limit_bucket where expires_at < :now limit " + CLEAN_BATCH)
                .param("now", clock.millis()).update() >= CLEAN_BATCH) {
            // another batch
        }
    }

    /** bucket4j's protocol on one JDBC connection per action, outside any Spring transaction. */
    private static final class Store extends AbstractSelectForUpdateBasedProxyManager<String> {

        private final DataSource dataSource;
        private final Clock clock;

        Store(DataSource dataSource, Clock clock) {
            super(ClientSideConfig.getDefault().withClientClock(timeOf(clock)));
            this.dataSource = dataSource;
            this.clock = clock;
        }

        /**
         * A deadlock the database still reports (it gives up one transaction) is tried again: bucket4j has rolled
         * that transaction back and closed its connection by then.
         */
        @Override
        public <T> CommandResult<T> execute(String key, Request<T> request) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return super.execute(key, request);
                } catch (BucketExceptions.BucketExecutionException e) {
                    if (attempt >= MAX_ATTEMPTS || Causes.find(e, SQLTransactionRollbackException.class).isEmpty()) {
                        throw e;
                    }
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L * attempt));
                }
            }
        }

        @Override
        public void removeProxy(String key) {
            try (Connection connection = dataSource.getConnection();
                 var delete = connection.prepareStatement("delete from rate_limit_bucket where id = ?")) {
                delete.setString(1, key);
                delete.executeUpdate();
            } catch (SQLException e) {
                throw new BucketExceptions.BucketExecutionException(e);
            }
        }

        @Override
        protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                ensureRow(connection, key);
            } catch (SQLException e) {
                // The transaction never started, so bucket4j will not release this connection: give it back here.
                if (connection != null) {
                    try {
                        connection.close();
                    } catch (SQLException closing) {
                        e.addSuppressed(closing);
                    }
                }
                throw new BucketExceptions.BucketExecutionException(e);
            }
            Connection open = connection;
            return new SelectForUpdateBasedTransaction() {
                @Override
                public void begin(Optional<Long> timeout) {
                    run(() -> open.setAutoCommit(false));
                }

                @Override
                public void rollback() {
                    run(open::rollback);
                }

                @Override
                public void commit(Optional<Long> timeout) {
                    run(open::commit);
                }

                @Override
                public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
                    try (var select = open.prepareStatement("select state from rate_limit_bucket where id = ? for update")) {
                        select.setString(1, key);
                        try (var rows = select.executeQuery()) {
                            return rows.next() ? LockAndGetResult.locked(rows.getBytes(1)) : LockAndGetResult.notLocked();
                        }
                    } catch (SQLException e) {
                        throw new BucketExceptions.BucketExecutionException(e);
                    }
                }

                @Override
                public boolean tryInsertEmptyData(Optional<Long> timeout) {
                    try (var insert = open.prepareStatement(
                            "insert ignore into rate_limit_bucket (id, state, expires_at) values (?, null, ?)")) {
                        insert.setString(1, key);
                        insert.setLong(2, expiry());
                        return insert.executeUpdate() > 0;
                    } catch (SQLException e) {
                        throw new BucketExceptions.BucketExecutionException(e);
                    }
                }

                @Override
                public void update(byte[] data, RemoteBucketState state, Optional<Long> timeout) {
                    try (var update = open.prepareStatement(
                            "update rate_limit_bucket set state = ?, expires_at = ? where id = ?")) {
                        update.setBytes(1, data);
                        update.setLong(2, expiry());
                        update.setString(3, key);
                        update.executeUpdate();
                    } catch (SQLException e) {
                        throw new BucketExceptions.BucketExecutionException(e);
                    }
                }

                @Override
                public void release() {
                    run(open::close);
                }

                private void run(SqlAction action) {
                    try {
                        action.run();
                    } catch (SQLException e) {
                        throw new BucketExceptions.BucketExecutionException(e);
                    }
                }
            };
        }

        /**
         * Creates the bucket's row, empty, in a statement of its own, before the transaction locks it: two first uses
         * of one bucket inside their transactions would each hold a gap lock and deadlock on their inserts (500 at
         * once from one kiosk: AtelierRaceBenchmark). Alone, an insert that finds the row waits at most for the
         * transaction holding it, and the locking read then always finds a row.
         */
        private void ensureRow(Connection connection, String key) throws SQLException {
            boolean autoCommit = connection.getAutoCommit();
            try (var insert = connection.prepareStatement(
                    "insert ignore into rate_limit_bucket (id, state, expires_at) values (?, null, ?)")) {
                insert.setString(1, key);
                insert.setLong(2, expiry());
                insert.executeUpdate();
            }
            if (!autoCommit) {
                connection.commit();
            }
        }

        private long expiry() {
            return clock.millis() + KEPT.toMillis();
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    /** The application's clock as bucket4j measures time, so that tests that move it refill buckets too. */
    private static TimeMeter timeOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
