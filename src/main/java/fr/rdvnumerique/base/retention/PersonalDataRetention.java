package fr.rdvnumerique.base.retention;

import fr.rdvnumerique.base.time.ParisTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Personal data is kept for a limited, configurable time, then anonymised, every night. Anonymising is an
 * idempotent update, so two instances running it together do no harm and no lock is needed.
 */
@Component
@EnableScheduling
public class PersonalDataRetention {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

    private final List<PersonalDataHolder> holders;
    private final RetentionProperties properties;
    private final Clock clock;

    PersonalDataRetention(List<PersonalDataHolder> holders, RetentionProperties properties, Clock clock) {
        this.holders = holders;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${rdv.retention.cron:0 30 3 * * *}", zone = "Europe/Paris")
    void nightly() {
        if (properties.enabled()) {
            anonymiseExpired();
        }
    }

    /** Anonymises everything that ended more than the retention period ago; returns the counts per module. */
    public Map<String, Integer> anonymiseExpired() {
        return anonymiseEndedBefore(cutoff());
    }

    public Instant cutoff() {
        return ZonedDateTime.now(clock.withZone(ParisTime.ZONE)).minusMonths(properties.months()).toInstant();
    }

    Map<String, Integer> anonymiseEndedBefore(Instant cutoff) {
        var counts = new LinkedHashMap<String, Integer>();
        for (PersonalDataHolder holder : holders) {
            int count = holder.anonymiseEndedBefore(cutoff);
            counts.put(holder.name(), count);
            if (count > 0) {
                log.info("Anonymised {} {} record(s) that ended before {}", count, holder.name(), cutoff);
            }
        }
        return counts;
    }
}
