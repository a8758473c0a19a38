package fr.rdvnumerique.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import fr.rdvnumerique.testing.SnapshotIsolation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;

/**
 * A screen is enrolled for one place with a link that works once and gives it a secret of its own; it stops when
 * revoked, and pauses while its place, commune or structure is switched off.
 */
@IntegrationTest
class KioskDevicesTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired KioskDevices devices;
    @Autowired KioskEnrolmentSettings settings;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlaceService places;
    @Autowired CommuneService communes;
    @Autowired StructureService structures;

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
        var activation = devices.activate(token).orElseThrow();
        long id = activation.device().id();
        String secret = activation.secret();
        Map<String, Object> before = jdbc.queryForMap("select version, last_seen_at from kiosk_device where id = ?", id);

        clock.advance(Duration.ofMinutes(6));
        assertThat(devices.resolve(secret)).isInstanceOf(KioskAccess.InService.class);
        Map<String, Object> after = jdbc.queryForMap("select version, last_seen_at from kiosk_device where id = ?", id);
        assertThat(after.get("last_seen_at")).as("last seen written").isNotEqualTo(before.get("last_seen_at"));
        assertThat(after.get("version")).as("a plain update: a revocation at the same moment cannot conflict")
                .isEqualTo(before.get("version"));

        StaffLogin.coordinator(territory.structureId());
        devices.revoke(id);
        StaffLogin.signOut();
        assertThat(devices.resolve(secret)).as("revoked: stops at once").isInstanceOf(KioskAccess.NotEnrolled.class);
    }

    @Test
    void an_enrolment_link_activates_one_screen_once_and_revoking_stops_it() {
        var territory = fixtures.create("Borne");
        StaffLogin.coordinator(territory.structureId());
        String token = devices.enrol(territory.placeId(), "Borne de l’accueil");
        StaffLogin.signOut();

        assertThat(devices.resolve(token)).as("not usable before activation").isInstanceOf(KioskAccess.NotEnrolled.class);
        assertThat(devices.pending(token)).as("looking at the link").isPresent();
        assertThat(devices.pending(token)).as("looking again: the link is still unused").isPresent();
        var activation = devices.activate(token).orElseThrow();
        var device = activation.device();
        assertThat(device.placeId()).isEqualTo(territory.placeId());
        assertThat(device.structureId()).isEqualTo(territory.structureId());
        assertThat(devices.pending(token)).isEmpty();
        assertThat(devices.activate(token)).as("a copied link cannot enrol a second screen").isEmpty();
        assertThat(activation.secret()).as("the screen's own secret, not the link's").isNotEqualTo(token);
        assertThat(devices.resolve(activation.secret())).isEqualTo(new KioskAccess.InService(device));
        assertThat(devices.resolve(token)).as("the link is no key to the kiosk").isInstanceOf(KioskAccess.NotEnrolled.class);

        StaffLogin.coordinator(territory.structureId());
        assertThat(devices.list(Pageable.unpaged()).getContent()).singleElement()
                .satisfies(d -> assertThat(d.lastSeenAt()).isNotNull());
        devices.revoke(device.id());
        StaffLogin.signOut();
        assertThat(devices.resolve(activation.secret())).isInstanceOf(KioskAccess.NotEnrolled.class);
    }

    @Test
    void a_kiosk_takes_no_registration_while_its_place_its_commune_or_its_structure_is_switched_off() {
        var territory = fixtures.create("Borne en pause");
        String secret = devices.activate(enrol(territory)).orElseThrow().secret();
        assertThat(devices.resolve(secret)).isInstanceOf(KioskAccess.InService.class);

        StaffLogin.coordinator(territory.structureId());
        places.setActive(territory.placeId(), false);
        assertThat(devices.resolve(secret)).isInstanceOf(KioskAccess.SwitchedOff.class);
        assertThat(devices.list(Pageable.unpaged()).getContent()).singleElement()
                .satisfies(d -> assertThat(d.placeSwitchedOff()).isTrue());
        places.setActive(territory.placeId(), true);
        communes.setActive(territory.communeId(), false);
        assertThat(devices.resolve(secret)).isInstanceOf(KioskAccess.SwitchedOff.class);
        communes.setActive(territory.communeId(), true);
        assertThat(devices.resolve(secret)).isInstanceOf(KioskAccess.InService.class);

        StaffLogin.admin();
        structures.setActive(territory.structureId(), false);
        assertThat(devices.resolve(secret)).isInstanceOf(KioskAccess.SwitchedOff.class);
        structures.setActive(territory.structureId(), true);
        assertThat(devices.resolve(secret)).isInstanceOf(KioskAccess.InService.class);
    }

    @ParameterizedTest(name = "snapshot isolation {0}")
    @ValueSource(booleans = {true, false})
    void two_screens_touching_activer_with_the_same_link_at_once_make_one_kiosk(boolean snapshotIsolation)
            throws Exception {
        SnapshotIsolation.set(dataSource, snapshotIsolation);
        try {
            var territory = fixtures.create("Borne en double " + snapshotIsolation);
            String token = enrol(territory);
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(4);
            var outcomes = new ArrayList<Future<Optional<KioskActivation>>>();
            for (int i = 0; i < 4; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return devices.activate(token);
                }));
            }
            start.countDown();
            var secrets = new ArrayList<String>();
            for (var outcome : outcomes) {
                outcome.get(30, TimeUnit.SECONDS).ifPresent(a -> secrets.add(a.secret()));
            }
            pool.shutdown();
            assertThat(secrets).as("one screen got the kiosk").hasSize(1);
            assertThat(devices.resolve(secrets.getFirst())).isInstanceOf(KioskAccess.InService.class);
        } finally {
            SnapshotIsolation.set(dataSource, true);
        }
    }

    @Test
    void forged_or_unknown_secrets_resolve_to_nothing() {
        assertThat(devices.resolve("x")).isInstanceOf(KioskAccess.NotEnrolled.class);
        assertThat(devices.resolve("A".repeat(43))).isInstanceOf(KioskAccess.NotEnrolled.class);
        assertThat(devices.resolve(null)).isInstanceOf(KioskAccess.NotEnrolled.class);
        assertThat(devices.activate(null)).isEmpty();
        assertThat(devices.pending("A".repeat(43))).isEmpty();
    }

    @Test
    void a_coordinator_cannot_enrol_a_screen_for_another_structure() {
        var ludres = fixtures.create("Borne Ludres");
        var other = fixtures.create("Borne Autre");
        StaffLogin.coordinator(other.structureId());
        assertThatThrownBy(() -> devices.enrol(ludres.placeId(), "Intruse")).isInstanceOf(AccessDeniedException.class);
    }
}
