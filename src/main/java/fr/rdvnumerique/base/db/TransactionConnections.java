package fr.rdvnumerique.base.db;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * Transactions leave the JDBC connection's read-only flag and isolation level alone. Spring otherwise sets the
 * flag at the start of every read-only transaction and clears it at the end, which MariaDB's driver turns into two
 * statements ({@code SET SESSION TRANSACTION READ ONLY}, then {@code READ WRITE}): 16 of the 104 statements a
 * registration on the portal cost (bench/run portal-load). Read-only transactions stay read-only where it matters:
 * Hibernate flushes nothing in them. No transaction here asks for an isolation level of its own; one that did
 * would now get the server's (REPEATABLE READ), so it would have to set it itself. Spring also stops asking
 * Hibernate to hold a session's connection until the session closes: a transaction still keeps its connection to
 * the end, and a read outside one gives it back after the statement.
 */
@Configuration(proxyBeanMethods = false)
class TransactionConnections {

    @Bean
    static BeanPostProcessor connectionsLeftAsTheyAre() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HibernateJpaVendorAdapter adapter) {
                    adapter.setPrepareConnection(false);
                }
                return bean;
            }
        };
    }
}
