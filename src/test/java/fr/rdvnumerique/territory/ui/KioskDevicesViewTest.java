package fr.rdvnumerique.territory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.territory.KioskDeviceSummary;
import fr.rdvnumerique.territory.KioskDevices;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Revoking a kiosk stops a screen at once: the coordinator is asked first. */
@IntegrationTest
class KioskDevicesViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired KioskDevices devices;

    TerritoryFixtures.TestTerritory territory;
    String token;

    @BeforeEach
    void anActiveKiosk() {
        territory = fixtures.create("Vue bornes");
        StaffLogin.coordinator(territory.structureId());
        token = devices.enrol(territory.placeId(), "Borne de l’accueil");
        devices.activate(token).orElseThrow();
    }

    @AfterEach
    void signOut() {
        StaffLogin.signOut();
    }

    @SuppressWarnings("unchecked")
    private void pressRevoke() {
        navigate(KioskDevicesView.class);
        Grid<KioskDeviceSummary> grid = $(Grid.class).single();
        assertThat(test(grid).getCellText(0, 2)).isEqualTo("Active");
        var revoke = (Button) test(grid).getCellComponent(0, 4);
        test(revoke).click();
    }

    @Test
    void revoking_asks_first_and_keeping_the_kiosk_changes_nothing() {
        pressRevoke();
        assertThat($(Dialog.class).single().isOpened()).isTrue();
        assertThat($(Dialog.class).single().getHeaderTitle()).isEqualTo("Révoquer la borne « Borne de l’accueil » ?");
        test($(Button.class).id("kiosk-revoke-keep")).click();
        assertThat(devices.resolve(token)).as("still a kiosk").isPresent();
    }

    @Test
    void confirmed_the_screen_stops_at_once() {
        pressRevoke();
        test($(Button.class).id("kiosk-revoke-confirm")).click();
        assertThat(devices.resolve(token)).isEmpty();
    }
}
