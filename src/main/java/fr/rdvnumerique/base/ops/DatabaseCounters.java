package fr.rdvnumerique.base.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counters whose totals are rows of the database, one per value of a column: e.g. the appointments booked per
 * channel, {@code select channel, count(*) from appointment group by channel}. Rows are never deleted (retention
 * anonymises them), so the totals only grow, survive restarts and agree on every instance; Prometheus' {@code rate()}
 * gives the bookings per hour. Keep the instance in a field of the binder: Micrometer holds it weakly.
 */
public final class DatabaseCounters {

    private final CachedReading<Map<String, Long>> reading;

    /** @param countsSql a query answering (value, count) rows */
    public DatabaseCounters(JdbcTemplate jdbc, String countsSql) {
        this.reading = new CachedReading<>(CachedReading.ONE_SCRAPE, () -> {
            var counts = new HashMap<String, Long>();
            jdbc.query(countsSql, rs -> {
                counts.put(rs.getString(1), rs.getLong(2));
            });
            return counts;
        });
    }

    /** One counter per value of the column (0 until a row has it). */
    public void bind(MeterRegistry registry, String name, String description, String tag, List<String> values) {
        for (String value : values) {
            FunctionCounter.builder(name, this, counters -> counters.total(value)).description(description)
                    .tag(tag, value).register(registry);
        }
    }

    private double total(String value) {
        return reading.get().map(counts -> (double) counts.getOrDefault(value, 0L)).orElse(Double.NaN);
    }
}
