package fr.rdvnumerique.base.retention;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, records written before pseudonymous keys existed (or by an older release) get theirs: the migration
 * cannot compute them, since the secret lives in the configuration and not in the database. Runs after the demo data.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class PersonKeyBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PersonKeyBackfill.class);

    private final List<PersonalDataHolder> holders;

    PersonKeyBackfill(List<PersonalDataHolder> holders) {
        this.holders = holders;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (PersonalDataHolder holder : holders) {
            try {
                int count = holder.fillPersonKeys();
                if (count > 0) {
                    log.info("Gave {} {} record(s) their pseudonymous person key", count, holder.name());
                }
            } catch (RuntimeException e) {
                // Another instance starting at the same time may hold the rows: the next run (or anonymisation) ends it.
                log.warn("Pseudonymous person keys of {} not filled yet: {}", holder.name(), e.getClass().getSimpleName());
            }
        }
    }
}
