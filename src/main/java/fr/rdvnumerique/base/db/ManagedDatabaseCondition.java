package fr.rdvnumerique.base.db;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** We manage the data source when no server is configured (embedded run) or when tests want one database per context. */
class ManagedDatabaseCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        if (!StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
            return ConditionOutcome.match("no spring.datasource.url: embedded MariaDB");
        }
        if (env.getProperty("rdv.database.per-context", Boolean.class, false)) {
            return ConditionOutcome.match("one database per context on the configured server");
        }
        return ConditionOutcome.noMatch("spring.datasource.url is set: Spring Boot's data source");
    }
}
