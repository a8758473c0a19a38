package fr.rdvnumerique.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import fr.rdvnumerique.appointment.AppointmentSettings;
import fr.rdvnumerique.atelier.AtelierProperties;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Public computers share one address: the limits per address let an afternoon of residents book there, and when a
 * limit still refuses requests the coordinators and administrators read it on their home screen (a count, no
 * address), where advisors are not bothered with it.
 */
@IntegrationTest
class RateLimitAlertTest extends SpringBrowserlessTest {

    @Autowired RateLimiter limiter;
    @Autowired TerritoryFixtures fixtures;
    @Autowired AppointmentSettings appointments;
    @Autowired AtelierProperties ateliers;

    @BeforeEach
    @AfterEach
    void forget() {
        limiter.reset();
        StaffLogin.signOut();
    }

    private boolean bannerShown() {
        return $(Div.class).withClassName("staff-alert").exists();
    }

    @Test
    void the_limits_per_address_let_a_public_computer_book_for_an_afternoon() {
        assertThat(appointments.bookingsPerHourPerAddress()).isGreaterThanOrEqualTo(60);
        assertThat(ateliers.formSubmissionsPerHour()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void coordinators_and_administrators_read_how_many_requests_a_limit_refused() {
        var territory = fixtures.create("Limite bandeau");
        StaffLogin.coordinator(territory.structureId());
        navigate(StaffHomeView.class);
        assertThat(bannerShown()).isFalse();

        Origin pc = Origin.web("203.0.113.77");
        assertThat(limiter.tryAcquire("appointment.book", pc, 1, 60)).isTrue();
        assertThat(limiter.tryAcquire("appointment.book", pc, 1, 60)).isFalse();
        assertThat(limiter.tryAcquire("appointment.book", pc, 1, 60)).isFalse();

        navigate(StaffHomeView.class);
        String banner = $(Div.class).withClassName("staff-alert").single().getElement().getTextRecursively();
        assertThat(banner).startsWith("2 demandes de rendez-vous ou d’inscription ont été refusées depuis 24 h")
                .doesNotContain("203.0.113.77");

        StaffLogin.admin();
        navigate(StaffHomeView.class);
        assertThat(bannerShown()).isTrue();

        StaffLogin.advisor(territory.structureId(), territory.advisorId());
        navigate(StaffHomeView.class);
        assertThat(bannerShown()).isFalse();
    }
}
