package fr.rdvnumerique.testing;

import fr.rdvnumerique.base.time.ParisTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests can set and move. It follows real time until a test fixes it, and {@link #reset()} puts it
 * back; integration tests share it through {@link IntegrationTest}.
 */
public class TestClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    public void set(Instant instant) {
        fixed.set(instant);
    }

    /** Sets the clock to a Paris local date-time, e.g. {@code setParis(2026, 3, 29, 1, 30)}. */
    public void setParis(int year, int month, int day, int hour, int minute) {
        set(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, ParisTime.ZONE).toInstant());
    }

    public void advance(Duration duration) {
        fixed.updateAndGet(current -> (current == null ? Instant.now() : current).plus(duration));
    }

    public void reset() {
        fixed.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ParisTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant current = fixed.get();
        return current == null ? Instant.now() : current;
    }
}
