package fr.rdvnumerique.testing;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Switches MariaDB's {@code innodb_snapshot_isolation} for the whole server, so race tests run with it ON
 * (MariaDB 11.6.2+ default) and OFF (older servers). Pooled connections keep their session value, so the
 * pool is renewed.
 */
public final class SnapshotIsolation {

    private SnapshotIsolation() {
    }

    public static void set(DataSource dataSource, boolean on) {
        new JdbcTemplate(dataSource).execute("set global innodb_snapshot_isolation = " + (on ? "ON" : "OFF"));
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }

    public static boolean current(DataSource dataSource) {
        String value = new JdbcTemplate(dataSource).queryForObject("select @@session.innodb_snapshot_isolation", String.class);
        return "1".equals(value) || "ON".equalsIgnoreCase(value);
    }
}
