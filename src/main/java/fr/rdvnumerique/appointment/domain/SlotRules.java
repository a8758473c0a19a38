package fr.rdvnumerique.appointment.domain;

import java.time.Duration;

/**
 * A motif's timing: the appointment lasts {@code duration}, the advisor keeps {@code buffer} after it, it must be
 * booked at least {@code minNotice} ahead and at most {@code horizonDays} days ahead.
 */
public record SlotRules(Duration duration, Duration buffer, Duration minNotice, int horizonDays) {

    public SlotRules {
        if (duration.isNegative() || duration.isZero() || buffer.isNegative() || minNotice.isNegative() || horizonDays < 0) {
            throw new IllegalArgumentException("Invalid slot rules");
        }
    }

    /** The advisor's time an appointment takes: its duration and the buffer after it. */
    public Duration claimed() {
        return duration.plus(buffer);
    }

    /** Staff book on someone's behalf for today or later: no notice, no horizon. */
    public SlotRules forStaff() {
        return new SlotRules(duration, buffer, Duration.ZERO, 366);
    }
}
