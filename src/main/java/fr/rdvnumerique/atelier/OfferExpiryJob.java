package fr.rdvnumerique.atelier;

import fr.rdvnumerique.atelier.domain.RegistrationRepository;
import fr.rdvnumerique.base.db.ConflictRetry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Passes lapsed seat offers on: each offer whose time is up is cancelled and the seat offered to the next person
 * waiting (see {@link fr.rdvnumerique.atelier.domain.AtelierSession#lapseOffer}). Safe on several instances and
 * when run twice: each offer is decided under its session's row lock, and one already confirmed, declined or
 * passed on is left alone. Scheduled by {@link AtelierJobs}; tests call {@link #runOnce()}.
 */
@Component
public class OfferExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(OfferExpiryJob.class);
    private static final int BATCH = 200;

    private final RegistrationRepository registrations;
    private final AtelierWrites writes;
    private final ConflictRetry retry;
    private final Clock clock;

    OfferExpiryJob(RegistrationRepository registrations, AtelierWrites writes, ConflictRetry retry, Clock clock) {
        this.registrations = registrations;
        this.writes = writes;
        this.retry = retry;
        this.clock = clock;
    }

    /** @return how many offers lapsed in this run */
    public int runOnce() {
        List<Object[]> lapsed = registrations.findLapsedOffers(clock.instant(), PageRequest.of(0, BATCH));
        int count = 0;
        for (Object[] row : lapsed) {
            long sessionId = (Long) row[0];
            long registrationId = (Long) row[1];
            try {
                if (retry.inTransaction(() -> writes.lapseOffer(sessionId, registrationId))) {
                    count++;
                }
            } catch (RuntimeException e) {
                log.warn("Lapsed offer of registration {} not passed on; next run tries again", registrationId, e);
            }
        }
        if (count > 0) {
            log.info("{} seat offer(s) lapsed and passed on", count);
        }
        return count;
    }
}
