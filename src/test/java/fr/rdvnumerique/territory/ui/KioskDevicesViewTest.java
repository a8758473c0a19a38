package fr.rdvnumerique.territory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.base.web.PublicUrls;
import fr.rdvnumerique.territory.PlaceSummary;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.territory.KioskAccess;
import fr.rdvnumerique.territory.KioskDeviceSummary;
import fr.rdvnumerique.territory.KioskDevices;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A coordinator equips a kiosk from the form; revoking one stops a screen at once, after a question. */
@IntegrationTest
class KioskDevicesViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures fixtures;
    @Autowired KioskDevices devices;
    @Autowired PublicUrls urls;

    TerritoryFixtures.TestTerritory territory;
    String secret;

    @BeforeEach
    void anActiveKiosk() {
        territory = fixtures.create("Vue bornes");
        StaffLogin.coordinator(territory.structureId());
        secret = devices.activate(devices.enrol(territory.placeId(), "Borne de l’accueil")).orElseThrow().secret();
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
    @SuppressWarnings("unchecked")
    void a_coordinator_equips_a_kiosk_from_the_form_and_gets_a_link_that_activates_it() {
        navigate(KioskDevicesView.class);
        test($(Button.class).withText("Équiper une borne").single()).click();
        ComboBox<PlaceSummary> place = $(ComboBox.class).withLabel("Lieu").single();
        test(place).selectItem("Mairie Vue bornes");
        test($(TextField.class).withLabel("Nom de la borne").single()).setValue("Borne du hall");
        test($(Button.class).id("editor-save")).click();

        Dialog activation = $(Dialog.class).all().stream().filter(Dialog::isOpened).findFirst().orElseThrow();
        assertThat(activation.getHeaderTitle()).isEqualTo("Lien d’activation de la borne");
        String link = $(Anchor.class, activation).single().getHref();
        assertThat(link).startsWith(urls.of("kiosk/activer/"));
        String linkToken = link.substring(link.lastIndexOf('/') + 1);
        assertThat(devices.pending(linkToken)).as("the link enrols the screen it is opened on")
                .hasValueSatisfying(d -> assertThat(d.placeId()).isEqualTo(territory.secondPlaceId()));
        test($(Button.class).withText("J’ai activé la borne").single()).click();

        Grid<KioskDeviceSummary> grid = $(Grid.class).single();
        int row = IntStream.range(0, test(grid).size()).filter(i -> test(grid).getRow(i).label().equals("Borne du hall"))
                .findFirst().orElseThrow();
        assertThat(test(grid).getCellText(row, 1)).isEqualTo("Mairie Vue bornes");
        assertThat(test(grid).getCellText(row, 2)).isEqualTo("À activer");
    }

    @Test
    void a_kiosk_without_a_place_or_a_name_is_explained_and_nothing_is_saved() {
        navigate(KioskDevicesView.class);
        test($(Button.class).withText("Équiper une borne").single()).click();
        test($(TextField.class).withLabel("Nom de la borne").single()).setValue("");
        test($(Button.class).id("editor-save")).click();

        assertThat($(TextField.class).withLabel("Nom de la borne").single().getErrorMessage())
                .isEqualTo("Ce champ est obligatoire.");
        assertThat($(Dialog.class).single().isOpened()).isTrue();
        assertThat(test((Grid<?>) $(Grid.class).single()).size()).as("only the kiosk made before").isEqualTo(1);
    }

    @Test
    void revoking_asks_first_and_keeping_the_kiosk_changes_nothing() {
        pressRevoke();
        assertThat($(Dialog.class).single().isOpened()).isTrue();
        assertThat($(Dialog.class).single().getHeaderTitle()).isEqualTo("Révoquer la borne « Borne de l’accueil » ?");
        test($(Button.class).id("kiosk-revoke-keep")).click();
        assertThat(devices.resolve(secret)).as("still a kiosk").isInstanceOf(KioskAccess.InService.class);
    }

    @Test
    void confirmed_the_screen_stops_at_once() {
        pressRevoke();
        test($(Button.class).id("kiosk-revoke-confirm")).click();
        assertThat(devices.resolve(secret)).isInstanceOf(KioskAccess.NotEnrolled.class);
    }
}
