package fr.rdvnumerique.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test against the real application on MariaDB (embedded, or the server of SPRING_DATASOURCE_URL). All such
 * tests share one Spring context and one database, so each test creates its own structure and never assumes
 * an empty table. Tagged "db": CI runs them a second time against the machine's MariaDB server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@Import(TestConfig.class)
@Tag("db")
public @interface IntegrationTest {
}
