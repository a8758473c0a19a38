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
 * gives the bookings per hour.
 */
public final class DatabaseCounters {

    private DatabaseCounters() {
    }

    /**
     * @param countsSql a query answering (value, count) rows
     * @param values    the column's possible values, each a counter (0 until a row has it)
     */
    public static void bind(MeterRegistry registry, JdbcTemplate jdbc, String name, String description, String tag,
                            List<String> values, String countsSql) {
        var reading = new CachedReading<Map<String, Long>>(CachedReading.ONE_SCRAPE, () -> {
            var counts = new HashMap<String, Long>();
            jdbc.query(countsSql, rs -> {
                counts.put(rs.getString(1), rs.getLong(2));
            });
            return counts;
        });
        for (String value : values) {
            FunctionCounter.builder(name, reading, r -> r.get().map(counts -> (double) counts.getOrDefault(value, 0L))
                            .orElse(Double.NaN))
                    .description(description).tag(tag, value).register(registry);
        }
    }
}
