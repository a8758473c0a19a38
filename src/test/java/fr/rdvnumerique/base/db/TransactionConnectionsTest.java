package fr.rdvnumerique.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.testing.IntegrationTest;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class TransactionConnectionsTest {

    @Autowired PlatformTransactionManager transactions;
    @Autowired EntityManager entityManager;

    @Test
    void a_read_only_transaction_leaves_the_connection_as_it_is_and_still_flushes_nothing() {
        var readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> {
            Session session = entityManager.unwrap(Session.class);
            assertThat(session.isDefaultReadOnly()).as("entities read here are never written back").isTrue();
            assertThat(session.doReturningWork(Connection::isReadOnly))
                    .as("no SET SESSION TRANSACTION READ ONLY, then READ WRITE, around each read").isFalse();
        });
    }
}
