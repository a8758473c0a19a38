package fr.rdvnumerique.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
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
    @Autowired KioskEnrolmentSettings settings;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
        clock.reset();
    }

    private String enrol(TerritoryFixtures.TestTerritory territory) {
        StaffLogin.coordinator(territory.structureId());
        String token = devices.enrol(territory.placeId(), "Borne de l’accueil");
        StaffLogin.signOut();
        return token;
    }

    @Test
    void an_activation_link_nobody_opened_expires_after_seven_days() {
        clock.setParis(2026, 12, 1, 10, 0);
        var territory = fixtures.create("Borne expirée");
        String late = enrol(territory);
        String inTime = enrol(territory);
        assertThat(settings.linkValidity()).isEqualTo(Duration.ofDays(7));

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(devices.activate(inTime)).as("just in time").isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(devices.activate(late)).as("a week later").isEmpty();

        StaffLogin.coordinator(territory.structureId());
        assertThat(devices.list(org.springframework.data.domain.Pageable.unpaged()).getContent())
                .extracting(KioskDeviceSummary::linkExpired, KioskDeviceSummary::pending)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(true, false),
                        org.assertj.core.groups.Tuple.tuple(false, false));
    }

    @Test
    void noting_when_a_screen_was_last_seen_never_touches_the_version_a_revocation_checks() {
        clock.setParis(2026, 12, 1, 10, 0);
        var territory = fixtures.create("Borne vue");
        String token = enrol(territory);
        long id = devices.activate(token).orElseThrow().id();
        Map<String, Object> before = jdbc.queryForMap("select version, last_seen_at from kiosk_device where id = ?", id);

        clock.advance(Duration.ofMinutes(6));
        assertThat(devices.resolve(token)).isPresent();
        Map<String, Object> after = jdbc.queryForMap("select version, last_seen_at from kiosk_device where id = ?", id);
        assertThat(after.get("last_seen_at")).as("last seen written").isNotEqualTo(before.get("last_seen_at"));
        assertThat(after.get("version")).as("a plain update: a revocation at the same moment cannot conflict")
                .isEqualTo(before.get("version"));

        StaffLogin.coordinator(territory.structureId());
        devices.revoke(id);
        StaffLogin.signOut();
        assertThat(devices.resolve(token)).as("revoked: stops at once").isEmpty();
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
