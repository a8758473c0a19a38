package fr.rdvnumerique.base.web;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a resident's private links work ({@code rdv.private-links.*}): every link of a booking (the one on the
 * confirmation page, each mail's, the kiosk ticket's) is a link <em>of that booking</em> and stops working
 * {@code validAfterActivity} after the activity ends, whatever mail carried it; the retention job then deletes the
 * hashes with the booking's personal data. A moved booking's links follow its new end.
 *
 * @param validAfterActivity how long after the end of the appointment or session its links still open it (to see
 *                           that it took place, or was cancelled); never longer than the retention period
 * @see <a href="../../../../../../../docs/adr/014-private-links-of-a-booking.md">ADR 014</a>
 */
@ConfigurationProperties("rdv.private-links")
public record PrivateLinks(@DefaultValue("30d") Duration validAfterActivity) {

    public PrivateLinks {
        if (validAfterActivity == null || validAfterActivity.isNegative()) {
            throw new IllegalArgumentException("rdv.private-links.valid-after-activity must be zero or more");
        }
    }

    /** Links of activities that ended before this instant no longer work. */
    public Instant endedNoEarlierThan(Instant now) {
        return now.minus(validAfterActivity);
    }
}
