package fr.rdvnumerique.reporting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.Attendance;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.RosterService;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.reporting.ActivityReportService;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The coordinator reads last year's report, narrows it, downloads it and writes next year's objectives. */
@IntegrationTest
class ActivityReportViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures territories;
    @Autowired AtelierFixtures ateliers;
    @Autowired RegistrationService registrations;
    @Autowired RosterService rosters;
    @Autowired ActivityReportService reports;
    @Autowired TestClock clock;

    TestTerritory t;

    @BeforeEach
    void oneAtelierIn2025() {
        clock.setParis(2025, 6, 2, 9, 0);
        t = territories.create("Vue rapport");
        StaffLogin.coordinator(t.structureId());
        long workshop = ateliers.workshop(t, "Repérer les arnaques");
        long session = ateliers.session(t, workshop, ZonedDateTime.of(LocalDate.of(2025, 6, 6), LocalTime.of(14, 0),
                ParisTime.ZONE).toInstant(), 6);
        var first = (PlaceResult.Confirmed<Seats, Void>) registrations.register(AtelierFixtures.request(session, "Yvette", "Bernard"));
        registrations.register(AtelierFixtures.request(session, "Gérard", "Petit"));
        clock.setParis(2025, 6, 6, 17, 0);
        rosters.markAttendance(first.id(), Attendance.PRESENT);
        clock.setParis(2026, 1, 10, 9, 0);
    }

    @AfterEach
    void reset() {
        StaffLogin.signOut();
        clock.reset();
    }

    private String row(String label) {
        return $(NativeTableRow.class).all().stream().map(r -> r.getElement().getTextRecursively())
                .filter(text -> text.startsWith(label)).findFirst().orElseThrow();
    }

    @Test
    void the_page_title_names_the_report_and_the_service() {
        assertThat(navigate(ActivityReportView.class).getPageTitle()).isEqualTo("Rapport d’activité – RDV Numérique");
    }

    @Test
    void last_year_is_shown_section_by_section_in_the_council_order() {
        navigate(ActivityReportView.class);

        assertThat($(Select.class).id("report-year").getValue()).isEqualTo(2025);
        assertThat($(H2.class).all()).extracting(H2::getText).containsExactly(
                "1. Le public accompagné et son autonomie", "2. Les rendez-vous et l’aide individuelle",
                "3. Les motivations, par thème", "4. Les ateliers collectifs", "5. Les objectifs pour 2026",
                "6. Les heures par commune et le partage des coûts");
        // This year, the same dates one year earlier, and the change.
        assertThat(row("Séances tenues")).isEqualTo("Séances tenues10+1");
        assertThat(row("Places occupées")).isEqualTo("Places occupées20+2");
        assertThat(row("Présents")).isEqualTo("Présents10+1");
        assertThat(row("Présence non notée")).isEqualTo("Présence non notée10+1");
        assertThat(row("juin 2025")).isEqualTo("juin 202501");
        assertThat($(Anchor.class).id("report-pdf").getHref()).isNotBlank();
        assertThat($(Anchor.class).id("report-csv").getHref()).isNotBlank();
    }

    @Test
    void dates_in_the_wrong_order_are_explained_and_nothing_is_shown() {
        navigate(ActivityReportView.class);
        test($(DatePicker.class).id("report-from")).setValue(LocalDate.of(2025, 12, 31));
        test($(DatePicker.class).id("report-to")).setValue(LocalDate.of(2025, 1, 1));
        test($(Button.class).id("report-show")).click();

        assertThat($(Paragraph.class).id("report-error").isVisible()).isTrue();
        assertThat($(Paragraph.class).id("report-error").getText())
                .isEqualTo("La date de fin doit venir après la date de début.");
        assertThat($(H2.class).all()).isEmpty();
        assertThat($(Select.class).id("report-year").getValue()).isNull();

        test($(DatePicker.class).id("report-from")).setValue(LocalDate.of(2024, 1, 1));
        test($(Button.class).id("report-show")).click();
        assertThat($(Paragraph.class).all()).noneMatch(p -> p.getId().filter("report-error"::equals).isPresent());
        assertThat(row("Séances tenues")).isEqualTo("Séances tenues00=");
    }

    @Test
    void each_chart_is_an_svg_image_named_for_screen_readers_with_its_values_in_a_table_next_to_it() {
        navigate(ActivityReportView.class);

        for (String id : List.of("autonomy", "months", "themes", "fill")) {
            Div chart = $(Div.class).id("report-chart-" + id);
            Html drawing = $(Html.class, chart).single();
            String svg = drawing.getInnerHtml();
            assertThat(svg).as(id).contains("<svg role=\"img\" aria-label=\"Graphique").contains("</svg>");
            assertThat(chart.getElement().getTextRecursively()).as(id).contains("qui suit.");
        }
        Html months = $(Html.class, $(Div.class).id("report-chart-months")).single();
        assertThat(months.getInnerHtml())
                .contains("aria-label=\"Graphique : rendez-vous et présents aux ateliers, par mois. Les valeurs de ce "
                        + "graphique sont dans le tableau « Rendez-vous et présence aux ateliers, par mois » qui suit.\"");
        ProgressBar progress = $(ProgressBar.class).id("report-progress");
        assertThat(progress.isIndeterminate()).isTrue();
        assertThat(progress.getElement().getAttribute("aria-label")).isEqualTo("Calcul du rapport en cours…");
    }

    @Test
    void the_objectives_are_written_on_the_report_and_kept() {
        navigate(ActivityReportView.class);
        test($(TextArea.class).id("report-objectives")).setValue("Ouvrir un atelier le samedi matin.");
        test($(Button.class).id("report-objectives-save")).click();

        assertThat(reports.objectives(2025).value()).isEqualTo("Ouvrir un atelier le samedi matin.");
        navigate(ActivityReportView.class);
        assertThat($(TextArea.class).id("report-objectives").getValue()).isEqualTo("Ouvrir un atelier le samedi matin.");

        test($(TextArea.class).id("report-objectives")).setValue("x".repeat(4001));
        test($(Button.class).id("report-objectives-save")).click();
        assertThat($(TextArea.class).id("report-objectives").isInvalid()).isTrue();
        assertThat(reports.objectives(2025).value()).isEqualTo("Ouvrir un atelier le samedi matin.");
    }
}
