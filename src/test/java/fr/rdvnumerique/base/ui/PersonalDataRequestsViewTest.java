package fr.rdvnumerique.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.RegistrationRequest;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.retention.HeldItem;
import fr.rdvnumerique.base.retention.PersonalDataRequests;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.notification.NotificationTestKit;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * « Demandes RGPD », through the screen: Odette gave only her landline, so the staff owe her calls. The coordinator
 * types her number the French way, sees what each part of the portal holds, downloads it, and erases it: refused
 * without a reason (a French sentence next to the field, the dialog stays open), done with one.
 */
@IntegrationTest
class PersonalDataRequestsViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures territories;
    @Autowired AtelierFixtures ateliers;
    @Autowired RegistrationService registrations;
    @Autowired NotificationTestKit notifications;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void reset() {
        StaffLogin.signOut();
        clock.reset();
    }

    @Test
    void a_coordinator_searches_downloads_and_erases_with_a_reason() throws Exception {
        clock.setParis(2025, 4, 1, 9, 0);
        var t = territories.create("Écran RGPD");
        long workshop = ateliers.workshop(t, "Premiers pas (écran RGPD)");
        long session = ateliers.session(t, workshop,
                ZonedDateTime.of(LocalDate.of(2025, 4, 8), LocalTime.of(14, 0), ParisTime.ZONE).toInstant(), 4);
        long n = NotificationTestKit.newSubjectId() % 1_000_000;
        String landline = String.format("03 83 %02d %02d %02d", n / 10_000, (n / 100) % 100, n % 100);
        var result = registrations.register(RegistrationRequest.simple(session, "Odette", "Martin", null, landline,
                AtelierFixtures.web()));
        long registration = ((PlaceResult.Confirmed<?, ?>) result).id();
        notifications.awaitEvents();
        assertThat(jdbc.queryForObject("select count(*) from call_task where subject_id = ? and subject_type = "
                + "'ATELIER_REGISTRATION'", Integer.class, registration)).as("a call owed to Odette").isEqualTo(1);
        clock.setParis(2025, 5, 2, 10, 0);

        StaffLogin.coordinator(t.structureId());
        navigate(PersonalDataRequestsView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Demandes RGPD");

        test($(Button.class).id("rgpd-search")).click();
        var email = $(EmailField.class).id("rgpd-email");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Indiquez l’adresse e-mail ou le numéro de téléphone de la personne.");
        var phone = $(TextField.class).id("rgpd-phone");
        test(phone).setValue("pas un numéro");
        test($(Button.class).id("rgpd-search")).click();
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).startsWith("Ce numéro de téléphone n’est pas valide.");

        test(phone).setValue(landline);
        test($(Button.class).id("rgpd-search")).click();
        assertThat(phone.isInvalid()).isFalse();
        @SuppressWarnings("unchecked")
        Grid<HeldItem> grid = $(Grid.class).id("rgpd-results");
        assertThat(grid.getGenericDataView().getItems().toList()).extracting(HeldItem::kind)
                .containsExactlyInAnyOrder("rgpd.kind.registration", "rgpd.kind.call");
        assertThat($(Paragraph.class).id("rgpd-summary").getText()).isEqualTo("2 données trouvées.");
        assertThat($(Span.class).withClassName("rgpd-module-count").all()).extracting(Span::getText)
                .containsExactly("Ateliers : 1", "Messages et appels : 1");
        int row = grid.getGenericDataView().getItems().map(HeldItem::kind).toList().indexOf("rgpd.kind.registration");
        assertThat(test(grid).getCellText(row, 0)).isEqualTo("Ateliers");
        assertThat(test(grid).getCellText(row, 1)).isEqualTo("Inscription à un atelier");
        assertThat(test(grid).getCellText(row, 2)).isEqualTo("mardi 8 avril 2025 à 14 h 00");
        assertThat(test(grid).getCellText(row, 4)).contains("Odette Martin", "Premiers pas (écran RGPD)");

        var view = (PersonalDataRequestsView) getCurrentView();
        assertThat($(Anchor.class).id("rgpd-export-json").getHref()).isNotBlank();
        assertThat($(Anchor.class).id("rgpd-export-pdf").getHref()).isNotBlank();
        assertThat(new String(view.exportJson(), StandardCharsets.UTF_8)).contains("\"kind\" : \"call\"",
                "\"name\" : \"Odette Martin\"");
        var pdf = new PdfReader(view.exportPdf());
        var text = new StringBuilder();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(pdf).getTextFromPage(page)).append('\n');
        }
        assertThat(text.toString()).contains("Vos données personnelles", landline, "Appel à passer (« À appeler »)",
                "Inscription à un atelier", "Odette Martin");

        test($(Button.class).id("rgpd-erase")).click();
        test($(Button.class).id("rgpd-erase-confirm")).click();
        var reason = $(TextArea.class).id("rgpd-erase-reason");
        assertThat(reason.isInvalid()).as("a reason is required").isTrue();
        assertThat(reason.getErrorMessage())
                .isEqualTo("Indiquez le motif de l’effacement : ce que la personne a demandé et comment.");
        assertThat(jdbc.queryForObject("select first_name from atelier_registration where id = ?", String.class,
                registration)).as("nothing erased yet").isEqualTo("Odette");

        test(reason).setValue("Demande par téléphone le 2 mai, rappelée pour confirmer");
        test($(Button.class).id("rgpd-erase-confirm")).click();
        assertThat($(Paragraph.class).id("rgpd-summary").getText()).isEqualTo("Aucune donnée trouvée pour cette personne.");
        assertThat(jdbc.queryForMap("select first_name, phone from atelier_registration where id = ?", registration))
                .containsEntry("first_name", "Anonyme").containsEntry("phone", null);
        assertThat(jdbc.queryForObject("select count(*) from call_task where subject_id = ? and subject_type = "
                + "'ATELIER_REGISTRATION'", Integer.class, registration)).isZero();
        assertThat(jdbc.queryForObject("select reason from personal_data_erasure where structure_id = ?", String.class,
                t.structureId())).isEqualTo("Demande par téléphone le 2 mai, rappelée pour confirmer");
        @SuppressWarnings("unchecked")
        Grid<PersonalDataRequests.ErasureEntry> erasures = $(Grid.class).id("rgpd-erasures");
        assertThat(erasures.isVisible()).isTrue();
        assertThat(test(erasures).size()).as("this structure's register").isEqualTo(1);
        assertThat(test(erasures).getCellText(0, 0)).isEqualTo("vendredi 2 mai 2025 à 10 h 00");
        assertThat(test(erasures).getCellText(0, 2)).isEqualTo("téléphone");
        assertThat(test(erasures).getCellText(0, 3)).isEqualTo("2");
        assertThat(test(erasures).getCellText(0, 4)).isEqualTo("Demande par téléphone le 2 mai, rappelée pour confirmer");
    }

    @Test
    void advisors_have_no_such_menu_entry() {
        var t = territories.create("Écran RGPD conseiller");
        StaffLogin.advisor(t.structureId(), t.advisorId());
        navigate(StaffHomeView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).isNotEmpty()
                .doesNotContain("Demandes RGPD");
    }
}
