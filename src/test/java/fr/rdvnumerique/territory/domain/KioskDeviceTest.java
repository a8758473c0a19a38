package fr.rdvnumerique.territory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A screen's enrolment: one activation, within the link's validity; revoked for good. */
class KioskDeviceTest {

    static final Instant CREATED = Instant.parse("2026-12-01T09:00:00Z");
    static final Duration WEEK = Duration.ofDays(7);

    static KioskDevice device() {
        return new KioskDevice(1, 2, "Borne de l’accueil", "hash", CREATED);
    }

    @Test
    void the_link_activates_one_screen_once() {
        var device = device();
        assertThat(device.awaitsActivation(CREATED.plusSeconds(30), WEEK)).isTrue();
        assertThat(device.activate(CREATED.plusSeconds(60), WEEK, "secret")).isTrue();
        assertThat(device.isUsable()).isTrue();
        assertThat(device.awaitsActivation(CREATED.plusSeconds(90), WEEK)).isFalse();
        assertThat(device.activate(CREATED.plusSeconds(120), WEEK, "other")).as("a copied link").isFalse();
    }

    @Test
    void a_link_opened_too_late_activates_nothing() {
        var device = device();
        assertThat(device.linkExpired(CREATED.plus(WEEK).minusSeconds(1), WEEK)).isFalse();
        assertThat(device.linkExpired(CREATED.plus(WEEK), WEEK)).isTrue();
        assertThat(device.awaitsActivation(CREATED.plus(WEEK), WEEK)).isFalse();
        assertThat(device.activate(CREATED.plus(WEEK), WEEK, "secret")).isFalse();
        assertThat(device.isUsable()).isFalse();
    }

    @Test
    void an_activated_screen_does_not_expire_and_a_revoked_one_stops() {
        var device = device();
        device.activate(CREATED.plusSeconds(60), WEEK, "secret");
        assertThat(device.linkExpired(CREATED.plus(Duration.ofDays(400)), WEEK)).isFalse();
        device.revoke(CREATED.plus(Duration.ofDays(30)));
        assertThat(device.isUsable()).isFalse();
        assertThat(device.activate(CREATED.plus(Duration.ofDays(31)), WEEK, "other")).isFalse();
    }
}
