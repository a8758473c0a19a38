package fr.rdvnumerique.base.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long residents' personal data is kept after the activity ({@code RDV_RETENTION_MONTHS}).
 *
 * @param months  months after an appointment or atelier session ends
 * @param enabled the nightly job runs (off in tests, which call it directly)
 * @param cron    when it runs, Paris time
 */
@ConfigurationProperties("rdv.retention")
public record RetentionProperties(@DefaultValue("12") int months, @DefaultValue("true") boolean enabled,
                                  @DefaultValue("0 30 3 * * *") String cron) {

    public RetentionProperties {
        if (months < 1) {
            throw new IllegalArgumentException("rdv.retention.months must be at least 1");
        }
    }
}
