package fr.rdvnumerique.base.db;

import fr.rdvnumerique.base.domain.BusinessRuleException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work in its own transaction and runs it again, a bounded number of times, when MariaDB
 * gives up on it because of a concurrent one: deadlock (1213), lock wait timeout (1205) or a snapshot
 * conflict under {@code innodb_snapshot_isolation} (1020). The retry has to wrap the transaction, never sit
 * inside it: a rolled-back transaction cannot be continued.
 */
@Component
public class ConflictRetry {

    static final Set<Integer> TRANSIENT_ERROR_CODES = Set.of(1213, 1205, 1020);
    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);
    private static final int MAX_ATTEMPTS = 8;

    private final TransactionTemplate transactions;

    public ConflictRetry(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Every attempt met a conflict: nothing was done, the same request may succeed in a moment. */
    public static final class Busy extends BusinessRuleException {

        Busy() {
            super("error.busy");
        }
    }

    /**
     * @throws Busy ({@code error.busy}) when every attempt met a conflict
     */
    public <T> T inTransaction(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("ConflictRetry must start the transaction, not join one");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (RuntimeException e) {
                if (!isTransientConflict(e)) {
                    throw e;
                }
                if (attempt == MAX_ATTEMPTS) {
                    log.warn("Giving up after {} conflicting attempts", attempt, fr.rdvnumerique.base.ops.LogSafe.redact(e));
                    throw new Busy();
                }
                log.debug("Transient conflict on attempt {}: {}", attempt, e.getMessage());
                pause(attempt);
            }
        }
    }

    public void runInTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    static boolean isTransientConflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && TRANSIENT_ERROR_CODES.contains(sql.getErrorCode())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        long bound = Math.min(200, 5L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
