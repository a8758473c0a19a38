package fr.rdvnumerique.base.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Demo data comes with the zero-setup run only, unless asked for. */
class DemoDataRunnerTest {

    private static boolean enabled(MockEnvironment env) {
        return new DemoDataRunner(List.of(), null, null, env).enabled();
    }

    @Test
    void on_with_the_embedded_database() {
        assertThat(enabled(new MockEnvironment())).isTrue();
    }

    @Test
    void off_against_a_server_unless_asked_for() {
        var server = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:mariadb://db:3306/rdv");
        assertThat(enabled(server)).isFalse();
        assertThat(enabled(server.withProperty("rdv.demo-data", "true"))).as("RDV_DEMO_DATA=true").isTrue();
    }

    @Test
    void off_when_refused_even_with_the_embedded_database() {
        assertThat(enabled(new MockEnvironment().withProperty("rdv.demo-data", "false"))).isFalse();
    }
}
