package fr.rdvnumerique.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.domain.BusinessRuleException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

class ConflictRetryTest {

    private final ConflictRetry retry = new ConflictRetry(new NoOpTransactionManager());

    @Test
    void deadlocks_lock_waits_and_snapshot_conflicts_are_transient() {
        assertThat(ConflictRetry.isTransientConflict(wrapped(1213))).isTrue();
        assertThat(ConflictRetry.isTransientConflict(wrapped(1205))).isTrue();
        assertThat(ConflictRetry.isTransientConflict(wrapped(1020))).isTrue();
        assertThat(ConflictRetry.isTransientConflict(wrapped(1062))).as("duplicate key is a real answer").isFalse();
        assertThat(ConflictRetry.isTransientConflict(new IllegalStateException("x"))).isFalse();
    }

    @Test
    void work_that_meets_a_deadlock_is_run_again_in_a_new_transaction() {
        var attempts = new AtomicInteger();
        String result = retry.inTransaction(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw wrapped(1213);
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void after_too_many_conflicts_the_user_gets_a_kind_message() {
        assertThatThrownBy(() -> retry.inTransaction(() -> {
            throw wrapped(1020);
        })).isInstanceOf(BusinessRuleException.class).extracting("messageKey").isEqualTo("error.busy");
    }

    @Test
    void other_errors_are_not_retried() {
        var attempts = new AtomicInteger();
        assertThatThrownBy(() -> retry.inTransaction(() -> {
            attempts.incrementAndGet();
            throw new BusinessRuleException("atelier.full");
        })).isInstanceOf(BusinessRuleException.class);
        assertThat(attempts).hasValue(1);
    }

    private static RuntimeException wrapped(int code) {
        return new CannotAcquireLockException("conflict", new SQLException("conflict", "40001", code));
    }

    private static final class NoOpTransactionManager extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }

    }
}
