package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.web.SharedBuckets;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Per-address brake on sign-in: {@value #MAX_FAILURES_PER_ADDRESS} failed sign-ins from one address (whatever the
 * accounts) use up its allowance, which comes back over {@link #WINDOW}; meanwhile that address is refused. In the
 * database ({@link SharedBuckets}), so every node brakes the same address. Accounts are slowed separately
 * ({@link SignInAttempts}), and never locked: a stranger cannot keep a known coordinator out.
 */
@Component
class LoginThrottle {

    // An address is shared by a whole médiathèque behind one box: it may fail more often than one account.
    static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String PURPOSE = "sign-in.failures";

    private final SharedBuckets buckets;

    LoginThrottle(SharedBuckets buckets) {
        this.buckets = buckets;
    }

    boolean isBlocked(String address) {
        return failures(address).getAvailableTokens() <= 0;
    }

    void failed(String address) {
        failures(address).tryConsume(1);
    }

    /** Forgets every failure (an operator after an incident; tests). */
    void reset() {
        buckets.clear(PURPOSE);
    }

    private BucketProxy failures(String address) {
        return buckets.bucket(PURPOSE, address, () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(MAX_FAILURES_PER_ADDRESS)
                        .refillGreedy(MAX_FAILURES_PER_ADDRESS, WINDOW).build())
                .build());
    }
}
