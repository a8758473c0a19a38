package fr.rdvnumerique.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdvnumerique.appointment.ActivityRecordForm;
import fr.rdvnumerique.appointment.ActivityRecordService;
import fr.rdvnumerique.appointment.AgendaService;
import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AdministrativeTheme;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.ReferralKind;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.reporting.CoopExportService.Format;
import fr.rdvnumerique.territory.CommuneForm;
import fr.rdvnumerique.territory.CommuneService;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A month of records, recorded through the real services, leaves in the Coop's vocabulary, as CSV and as XLSX. */
@IntegrationTest
class CoopExportServiceTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2025, 3, 1);
    private static final LocalDate MARCH_31 = LocalDate.of(2025, 3, 31);

    @Autowired TerritoryFixtures territories;
    @Autowired AppointmentFixtures appointmentFixtures;
    @Autowired CommuneService communes;
    @Autowired AgendaService agenda;
    @Autowired ActivityRecordService records;
    @Autowired CoopExportService exports;
    @Autowired TestClock clock;

    TestTerritory t;
    long homeCommune;

    @BeforeEach
    void march2025() {
        clock.setParis(2025, 3, 3, 9, 0);
        t = territories.create("Coop");
        StaffLogin.coordinator(t.structureId());
        homeCommune = communes.create(new CommuneForm("Émerchicourt Coop", "59196", "59580"));
        long motif = appointmentFixtures.motif(t);
        appointmentFixtures.open(t, DayOfWeek.TUESDAY, "09:00", "12:00");
        long held = ((PlaceResult.Confirmed<AppointmentCard, FreeSlot>) agenda.book(new BookingRequest(t.placeId(), motif,
                paris(2025, 3, 11, 9), "=Paulette", "Durand", "paulette.coop@example.org", null, false, Set.of(), null,
                Origin.staff(), t.advisorId()))).id();

        clock.setParis(2025, 4, 5, 18, 0);
        agenda.markDone(held);
        records.recordForAppointment(held, new ActivityRecordForm(LocalDate.of(2025, 3, 11), 45,
                ActivityLocation.LIEU_ACTIVITE, t.placeId(), null,
                Set.of(Theme.GERER_SES_CONTENUS_NUMERIQUES, Theme.AIDE_AUX_DEMARCHES_ADMINISTRATIVES),
                Set.of(AdministrativeTheme.ARGENT_IMPOTS), AutonomyLevel.PARTIELLEMENT_AUTONOME,
                Set.of(EquipmentUsed.TABLETTE, EquipmentUsed.ORDINATEUR), true, ReferralKind.FRANCE_SERVICES,
                AgeBand.DE_12_A_17, Gender.FEMININ, OccupationStatus.SCOLARISE, homeCommune, "Déclaration en ligne"));
        // Help at someone's home, without an appointment: no name is recorded.
        records.recordWalkIn(t.advisorId(), new ActivityRecordForm(LocalDate.of(2025, 3, 12), 30, ActivityLocation.A_DOMICILE,
                null, homeCommune, Set.of(Theme.SECURITE_NUMERIQUE), Set.of(), AutonomyLevel.ENTIEREMENT_ACCOMPAGNE,
                Set.of(EquipmentUsed.PAS_DE_MATERIEL), false, null, AgeBand.PLUS_DE_70, Gender.MASCULIN,
                OccupationStatus.RETRAITE, null, null));
        // Outside the period.
        records.recordWalkIn(t.advisorId(), new ActivityRecordForm(LocalDate.of(2025, 4, 2), 20, ActivityLocation.A_DISTANCE,
                null, homeCommune, Set.of(Theme.EMAIL), Set.of(), AutonomyLevel.AUTONOME, Set.of(EquipmentUsed.TELEPHONE), false, null, AgeBand.NON_COMMUNIQUE,
                Gender.NON_COMMUNIQUE, OccupationStatus.NON_COMMUNIQUE, null, null));
    }

    @AfterEach
    void reset() {
        StaffLogin.signOut();
        clock.reset();
    }

    @Test
    void each_activity_of_the_period_is_one_row_in_the_coop_vocabulary() throws IOException {
        List<Map<String, String>> rows = csv(exports.activities(MARCH_1, MARCH_31, null, Format.CSV));

        assertThat(rows).hasSize(2);
        var appointment = rows.get(0);
        assertThat(appointment).containsEntry("type", "individuel").containsEntry("date", "2025-03-11")
                .containsEntry("duree", "45").containsEntry("typeLieu", "lieu_activite")
                .containsEntry("thematiques", "gere_ses_contenus_numeriques,aide_aux_demarches_administratives")
                .containsEntry("thematiquesDemarche", "argent_impots")
                .containsEntry("materiel", "ordinateur,tablette")
                .containsEntry("autonomie", "partiellement_autonome")
                .containsEntry("orienteVersStructure", "oui")
                .containsEntry("structureDeRedirection", "aide_aux_demarches_administratives")
                .containsEntry("genre", "feminin").containsEntry("trancheAge", "douze_dix_huit")
                .containsEntry("statutSocial", "scolarise")
                .containsEntry("communeResidence", "Émerchicourt Coop")
                .containsEntry("communeResidenceCodeInsee", "59196")
                .containsEntry("communeResidenceCodePostal", "59580")
                .containsEntry("notes", "Déclaration en ligne")
                .containsEntry("vocabulaireCoop", "coop-2026");
        assertThat(appointment.get("lieuActivite")).isNotBlank();
        assertThat(appointment.get("lieuCodeInsee")).matches("\\d{5}|2[AB]\\d{3}");
        var home = rows.get(1);
        assertThat(home).containsEntry("typeLieu", "domicile").containsEntry("lieuActivite", "")
                .containsEntry("lieuCommune", "Émerchicourt Coop").containsEntry("lieuCodeInsee", "59196")
                .containsEntry("lieuCodePostal", "59580").containsEntry("materiel", "aucun")
                .containsEntry("trancheAge", "soixante_dix_plus").containsEntry("orienteVersStructure", "non")
                .containsEntry("structureDeRedirection", "");
    }

    @Test
    void the_csv_opens_in_a_french_spreadsheet() {
        byte[] file = exports.activities(MARCH_1, MARCH_31, null, Format.CSV);

        assertThat(file).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("id;type;date;duree;typeLieu;");
    }

    @Test
    void the_xlsx_holds_the_same_rows_as_the_csv() throws IOException {
        List<Map<String, String>> fromCsv = csv(exports.activities(MARCH_1, MARCH_31, null, Format.CSV));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(exports.activities(MARCH_1, MARCH_31, null, Format.XLSX)))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Activités");
            var header = sheet.getRow(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(fromCsv.size());
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                for (int c = 0; c < header.getLastCellNum(); c++) {
                    String column = header.getCell(c).getStringCellValue();
                    var cell = row.getCell(c);
                    String value = cell.getCellType() == CellType.NUMERIC ? Long.toString((long) cell.getNumericCellValue())
                            : cell.getStringCellValue();
                    assertThat(value).as("row %d, %s", r, column).isEqualTo(fromCsv.get(r - 1).get(column));
                }
            }
        }
    }

    @Test
    void the_beneficiaries_file_names_only_people_the_records_know_in_the_coop_template_columns() throws IOException {
        byte[] file = exports.beneficiaries(MARCH_1, MARCH_31, null, Format.CSV);

        List<Map<String, String>> rows = csv(file);
        assertThat(rows).singleElement().satisfies(person -> assertThat(person)
                // A name typed as "=Paulette" stays text: a spreadsheet must not run it.
                .containsEntry("Nom", "Durand").containsEntry("Prénom", "'=Paulette")
                .containsEntry("E-mail", "paulette.coop@example.org").containsEntry("Genre", "F")
                .containsEntry("Commune", "Émerchicourt Coop").containsEntry("Année de naissance", ""));
        String header = new String(file, 3, file.length - 3, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertThat(header).isEqualTo("Nom;Prénom;Année de naissance;Téléphone;Commune;E-mail;Genre;Notes");
    }

    @Test
    void an_advisor_exports_only_their_own_records() {
        long other = territories.addAdvisor(t, "Autre Conseiller Coop");
        records.recordWalkIn(other, new ActivityRecordForm(LocalDate.of(2025, 3, 20), 15, ActivityLocation.A_DISTANCE,
                null, homeCommune, Set.of(Theme.EMAIL), Set.of(), AutonomyLevel.AUTONOME, Set.of(EquipmentUsed.TELEPHONE), false, null, AgeBand.NON_COMMUNIQUE,
                Gender.NON_COMMUNIQUE, OccupationStatus.NON_COMMUNIQUE, null, null));
        assertThat(lines(exports.activities(MARCH_1, MARCH_31, null, Format.CSV))).isEqualTo(1 + 3);
        assertThat(lines(exports.activities(MARCH_1, MARCH_31, other, Format.CSV))).isEqualTo(1 + 1);

        StaffLogin.advisor(t.structureId(), other);
        assertThat(lines(exports.activities(MARCH_1, MARCH_31, null, Format.CSV))).isEqualTo(1 + 1);
        assertThatThrownBy(() -> exports.activities(MARCH_1, MARCH_31, t.advisorId(), Format.CSV))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void a_period_longer_than_a_year_or_reversed_is_refused_in_french_terms() {
        assertThatThrownBy(() -> exports.activities(MARCH_31, MARCH_1, null, Format.CSV))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("appointment.export.period.invalid");
        assertThatThrownBy(() -> exports.activities(LocalDate.of(2024, 1, 1), MARCH_31, null, Format.XLSX))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("appointment.export.period.too-long");
    }

    private static long lines(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).lines().count();
    }

    private static List<Map<String, String>> csv(byte[] file) throws IOException {
        var format = CSVFormat.EXCEL.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).build();
        var rows = new ArrayList<Map<String, String>>();
        try (var parser = format.parse(new InputStreamReader(new ByteArrayInputStream(file, 3, file.length - 3),
                StandardCharsets.UTF_8))) {
            for (CSVRecord record : parser) {
                rows.add(new HashMap<>(record.toMap()));
            }
        }
        return rows;
    }

    private static Instant paris(int year, int month, int day, int hour) {
        return ZonedDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, 0), ParisTime.ZONE).toInstant();
    }
}
