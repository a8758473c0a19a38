package fr.rdvnumerique.base.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the audit trail is kept ({@code RDV_AUDIT_RETENTION_MONTHS}, 12 by default) and when the purge runs.
 *
 * @param retentionMonths entries older than this are deleted by the nightly purge
 * @param purgeEnabled    the nightly purge runs (off in tests, which call it directly)
 * @param purgeCron       when it runs, Paris time
 */
@ConfigurationProperties("rdv.audit")
public record AuditProperties(@DefaultValue("12") int retentionMonths, @DefaultValue("true") boolean purgeEnabled,
                              @DefaultValue("0 45 3 * * *") String purgeCron) {

    public AuditProperties {
        if (retentionMonths < 1) {
            throw new IllegalArgumentException("rdv.audit.retention-months must be at least 1");
        }
    }
}
