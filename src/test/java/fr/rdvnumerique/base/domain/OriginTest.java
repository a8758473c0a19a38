package fr.rdvnumerique.base.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OriginTest {

    @Test
    void a_kiosk_request_names_its_kiosk_and_only_a_kiosk_has_a_device() {
        assertThat(Origin.kiosk(" borne-1 ").deviceId()).isEqualTo("borne-1");
        assertThat(Origin.web("192.0.2.1").deviceId()).isNull();
        assertThat(Origin.staff().deviceId()).isNull();
    }

    @Test
    void a_web_request_has_its_client_address_and_a_kiosk_its_id() {
        assertThatThrownBy(() -> Origin.web(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Origin.kiosk(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Origin.kiosk("x".repeat(Origin.MAX_DEVICE_ID + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Origin(Channel.STAFF, "192.0.2.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Origin(null, "192.0.2.1")).isInstanceOf(IllegalArgumentException.class);
    }
}
