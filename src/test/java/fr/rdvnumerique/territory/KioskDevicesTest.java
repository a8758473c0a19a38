package fr.rdvnumerique.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;

/** A screen is enrolled for one place with a link that works once, and stops when revoked. */
@IntegrationTest
class KioskDevicesTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired KioskDevices devices;

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    @Test
    void an_enrolment_link_activates_one_screen_once_and_revoking_stops_it() {
        var territory = fixtures.create("Borne");
        StaffLogin.coordinator(territory.structureId());
        String token = devices.enrol(territory.placeId(), "Borne de l’accueil");
        StaffLogin.signOut();

        assertThat(devices.resolve(token)).as("not usable before activation").isEmpty();
        var device = devices.activate(token).orElseThrow();
        assertThat(device.placeId()).isEqualTo(territory.placeId());
        assertThat(device.structureId()).isEqualTo(territory.structureId());
        assertThat(devices.activate(token)).as("a copied link cannot enrol a second screen").isEmpty();
        assertThat(devices.resolve(token)).contains(device);

        StaffLogin.coordinator(territory.structureId());
        assertThat(devices.list(Pageable.unpaged()).getContent()).singleElement()
                .satisfies(d -> assertThat(d.lastSeenAt()).isNotNull());
        devices.revoke(device.id());
        StaffLogin.signOut();
        assertThat(devices.resolve(token)).isEmpty();
    }

    @Test
    void forged_or_unknown_secrets_resolve_to_nothing() {
        assertThat(devices.resolve("x")).isEmpty();
        assertThat(devices.resolve("A".repeat(43))).isEmpty();
        assertThat(devices.resolve(null)).isEmpty();
    }

    @Test
    void a_coordinator_cannot_enrol_a_screen_for_another_structure() {
        var ludres = fixtures.create("Borne Ludres");
        var other = fixtures.create("Borne Autre");
        StaffLogin.coordinator(other.structureId());
        assertThatThrownBy(() -> devices.enrol(ludres.placeId(), "Intruse")).isInstanceOf(AccessDeniedException.class);
    }
}
