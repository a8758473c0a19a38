package fr.rdvnumerique.reporting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import fr.rdvnumerique.appointment.ActivityRecordForm;
import fr.rdvnumerique.appointment.ActivityRecordService;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.territory.AdvisorSummary;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An advisor or a coordinator chooses a period, prepares the files and downloads them for La Coop. */
@IntegrationTest
class CoopExportViewTest extends SpringBrowserlessTest {

    @Autowired TerritoryFixtures territories;
    @Autowired ActivityRecordService records;
    @Autowired TestClock clock;

    TestTerritory t;
    long second;

    @BeforeEach
    void twoRecordsIn2025() {
        clock.setParis(2025, 6, 20, 9, 0);
        t = territories.create("Vue Coop");
        second = territories.addAdvisor(t, "Deuxième Conseillère Coop");
        StaffLogin.coordinator(t.structureId());
        records.recordWalkIn(t.advisorId(), walkIn(LocalDate.of(2025, 6, 2), Theme.EMAIL));
        records.recordWalkIn(second, walkIn(LocalDate.of(2025, 6, 3), Theme.INTELLIGENCE_ARTIFICIELLE));
        clock.setParis(2026, 1, 12, 9, 0);
    }

    @AfterEach
    void reset() {
        StaffLogin.signOut();
        clock.reset();
    }

    private ActivityRecordForm walkIn(LocalDate date, Theme theme) {
        return new ActivityRecordForm(date, 40, ActivityLocation.A_DISTANCE, null, t.communeId(), Set.of(theme), Set.of(),
                AutonomyLevel.AUTONOME, Set.of(EquipmentUsed.TELEPHONE), false, null, AgeBand.DE_60_A_69, Gender.FEMININ,
                OccupationStatus.RETRAITE, null, null);
    }

    @Test
    void a_coordinator_prepares_last_years_files_for_one_advisor_and_downloads_them() throws IOException {
        navigate(CoopExportView.class);
        assertThat($(DatePicker.class).id("coop-from").getValue()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat($(DatePicker.class).id("coop-to").getValue()).isEqualTo(LocalDate.of(2025, 12, 31));

        @SuppressWarnings("unchecked")
        Select<AdvisorSummary> advisor = $(Select.class).id("coop-advisor");
        test(advisor).selectItem("Deuxième Conseillère Coop");
        test($(Button.class).id("coop-prepare")).click();

        assertThat($(Paragraph.class).id("coop-ready").getText())
                .isEqualTo("Fichiers prêts pour la période du mercredi 1er janvier 2025 au mercredi 31 décembre 2025.");
        String csv = download("coop-activities-csv");
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv).contains("intelligence_artificielle").doesNotContain(";email;");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(downloadBytes("coop-activities-xlsx")))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(9).getStringCellValue()).isEqualTo("intelligence_artificielle");
        }
        // Walk-in help names nobody: the beneficiaries file has its header only.
        assertThat(download("coop-beneficiaries-csv").lines()).containsExactly(
                "\uFEFFNom;Prénom;Année de naissance;Téléphone;Commune;E-mail;Genre;Notes");
    }

    @Test
    void dates_in_the_wrong_order_are_explained_and_no_file_is_offered() {
        navigate(CoopExportView.class);
        test($(DatePicker.class).id("coop-from")).setValue(LocalDate.of(2025, 12, 31));
        test($(DatePicker.class).id("coop-to")).setValue(LocalDate.of(2025, 1, 1));
        test($(Button.class).id("coop-prepare")).click();

        assertThat($(Paragraph.class).id("coop-error").getText())
                .isEqualTo("Choisissez une date de début et une date de fin, la fin après le début.");
        assertThat($(Anchor.class).all()).noneMatch(a -> a.getId().orElse("").startsWith("coop-"));
    }

    @Test
    void an_advisor_exports_their_own_records_only() {
        StaffLogin.advisor(t.structureId(), t.advisorId());
        navigate(CoopExportView.class);

        @SuppressWarnings("unchecked")
        Select<AdvisorSummary> advisor = $(Select.class).id("coop-advisor");
        assertThat(advisor.isReadOnly()).isTrue();
        assertThat(advisor.getValue().id()).isEqualTo(t.advisorId());
        test($(Button.class).id("coop-prepare")).click();

        String csv = download("coop-activities-csv");
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv).contains(";email;").doesNotContain("intelligence_artificielle");
    }

    private String download(String id) {
        return new String(downloadBytes(id), StandardCharsets.UTF_8);
    }

    private byte[] downloadBytes(String id) {
        var out = new ByteArrayOutputStream();
        test($(Anchor.class).id(id)).download(out);
        return out.toByteArray();
    }
}
