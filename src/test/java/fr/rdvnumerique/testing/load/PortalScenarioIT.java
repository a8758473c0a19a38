package fr.rdvnumerique.testing.load;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.testing.TestConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.DayOfWeek;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The load driver against the real application over HTTP, once each way, so that CI notices when a view or Vaadin
 * changes under it: one atelier registration through the public form and one appointment through the wizard, each
 * from an address of its own given in {@code X-Forwarded-For} (believed from loopback with the native strategy).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vaadin.productionMode=true", "server.forward-headers-strategy=native"})
@Import(TestConfig.class)
class PortalScenarioIT {

    private static final HttpClient HTTP = VaadinVisitor.httpClient();

    @Autowired AtelierFixtures ateliers;
    @Autowired AppointmentFixtures appointments;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @AfterAll
    static void close() {
        HTTP.close();
    }

    @Test
    void a_visitor_registers_for_an_atelier_and_books_an_appointment_over_http() {
        TestAtelier atelier = ateliers.create("Pilote", 12, 3);
        long motif = appointments.motif(atelier.territory());
        for (DayOfWeek day : DayOfWeek.values()) {
            appointments.open(atelier.territory(), day, "09:00", "17:00");
        }
        var scenario = new PortalScenario(URI.create("http://127.0.0.1:" + port + "/"), atelier.territory().slug())
                .withoutPage(); // production mode in-process: no frontend bundle, so no page to serve
        var stats = new RequestStats();
        String run = Long.toString(System.nanoTime() % 1_000_000, 36);

        var visitor = scenario.visitor(HTTP, PortalScenario.address(7), stats);
        assertThat(scenario.register(visitor, PortalScenario.Person.of(run, 1)))
                .isEqualTo(PortalScenario.Registration.CONFIRMED);
        assertThat(jdbc.sql("select count(*) from atelier_registration where session_id = ? and status = 'CONFIRMED'")
                .param(atelier.sessionId()).query(Integer.class).single()).isEqualTo(1);

        var booker = scenario.visitor(HTTP, PortalScenario.address(8), stats);
        PortalScenario.Booking booking = scenario.book(booker, PortalScenario.Person.of(run, 2));
        assertThat(booking.date()).isNotBlank();
        assertThat(jdbc.sql("select count(*) from appointment where motif_id = ? and status <> 'CANCELLED'")
                .param(motif).query(Integer.class).single()).isEqualTo(1);

        assertThat(stats.failures()).isZero();
        assertThat(stats.requests()).isEqualTo(visitor.requests() + booker.requests());
    }
}
