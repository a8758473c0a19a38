package fr.rdvnumerique.testing;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes MariaDB give up lock waits at once ({@code innodb_lock_wait_timeout}, error 1205), so a test can meet
 * "the database stays busy" in a second instead of minutes. Server-wide, like {@link SnapshotIsolation}: pooled
 * connections keep their session value, so the pool is renewed. Always {@link #restore} afterwards.
 */
public final class LockWaits {

    private static final int DEFAULT_SECONDS = 50;

    private LockWaits() {
    }

    public static void failFast(DataSource dataSource) {
        set(dataSource, 0);
    }

    public static void restore(DataSource dataSource) {
        set(dataSource, DEFAULT_SECONDS);
    }

    private static void set(DataSource dataSource, int seconds) {
        new JdbcTemplate(dataSource).execute("set global innodb_lock_wait_timeout = " + seconds);
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }
}
