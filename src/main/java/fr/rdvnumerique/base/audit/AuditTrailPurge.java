package fr.rdvnumerique.base.audit;

import fr.rdvnumerique.base.db.UtcColumns;
import fr.rdvnumerique.base.time.ParisTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the audit entries older than {@code rdv.audit.retention-months}, every night. It is the only delete
 * the database accepts on {@code audit_entry}: the trigger lets a row go only when this session announced a cut-off
 * after the row ({@code @rdv_audit_purge_before}). Idempotent, so two instances running it together do no harm.
 */
@Component
public class AuditTrailPurge {

    private static final Logger log = LoggerFactory.getLogger(AuditTrailPurge.class);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditProperties properties;
    private final Clock clock;

    AuditTrailPurge(JdbcClient jdbc, TransactionTemplate transactions, AuditProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${rdv.audit.purge-cron:0 45 3 * * *}", zone = "Europe/Paris")
    void nightly() {
        if (properties.purgeEnabled()) {
            purge();
        }
    }

    /** Entries before this instant are purged. */
    public Instant cutoff() {
        return ZonedDateTime.now(clock.withZone(ParisTime.ZONE)).minusMonths(properties.retentionMonths()).toInstant();
    }

    /** Deletes the entries older than the retention period; returns how many. */
    public int purge() {
        var cutoff = UtcColumns.toDb(cutoff());
        int total = 0;
        int deleted;
        do {
            deleted = transactions.execute(status -> {
                // One connection for the whole transaction: the variable and the delete meet in the same session.
                jdbc.sql("set @rdv_audit_purge_before = ?").param(cutoff).update();
                try {
                    return jdbc.sql("delete from audit_entry where occurred_at < ? order by occurred_at limit " + BATCH)
                            .param(cutoff).update();
                } finally {
                    jdbc.sql("set @rdv_audit_purge_before = null").update();
                }
            });
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Purged {} audit entries older than {}", total, cutoff);
        }
        return total;
    }
}
