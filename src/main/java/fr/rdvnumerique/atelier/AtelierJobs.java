package fr.rdvnumerique.atelier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The module's job: lapsed seat offers passed on every {@code rdv.atelier.offer-check-every} (1 min). On by
 * default; {@code rdv.atelier.jobs-enabled=false} in tests, which run it by hand.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "rdv.atelier.jobs-enabled", havingValue = "true", matchIfMissing = true)
class AtelierJobs implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AtelierJobs.class);

    private final OfferExpiryJob offers;
    private final AtelierProperties properties;

    AtelierJobs(OfferExpiryJob offers, AtelierProperties properties) {
        this.offers = offers;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> {
            try {
                offers.runOnce();
            } catch (RuntimeException e) {
                log.error("Seat offer job failed; it runs again at its next time", e);
            }
        }, properties.offerCheckEvery());
    }
}
