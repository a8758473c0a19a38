package fr.rdvnumerique.base.demo;

import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Loads the demo data on the default run (embedded database), or when {@code rdv.demo-data=true}; never when
 * {@code rdv.demo-data=false}. A marker row makes it happen once per database, so a restart keeps the data
 * people changed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final List<DemoDataContributor> contributors;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Environment env;

    DemoDataRunner(List<DemoDataContributor> contributors, JdbcTemplate jdbc, TransactionTemplate transactions,
                   Environment env) {
        this.contributors = contributors;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled()) {
            loadOnce();
        }
    }

    boolean enabled() {
        String setting = env.getProperty("rdv.demo-data");
        if (StringUtils.hasText(setting)) {
            return Boolean.parseBoolean(setting);
        }
        // Default: on for the zero-setup embedded run, off against a real server.
        return !StringUtils.hasText(env.getProperty("spring.datasource.url"));
    }

    void loadOnce() {
        transactions.executeWithoutResult(status -> {
            // Locks the marker row so that two instances starting together load the data once.
            Integer loaded = jdbc.queryForObject("select loaded from demo_data_marker where id = 1 for update", Integer.class);
            if (loaded != null && loaded == 1) {
                return;
            }
            contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order)).forEach(c -> {
                log.info("Loading demo data: {}", c.getClass().getSimpleName());
                c.load();
            });
            jdbc.update("update demo_data_marker set loaded = 1 where id = 1");
        });
    }
}
