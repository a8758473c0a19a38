package fr.rdvnumerique.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import fr.rdvnumerique.appointment.ActivityRecordForm;
import fr.rdvnumerique.appointment.ActivityRecordService;
import fr.rdvnumerique.appointment.AgendaService;
import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.AppointmentStatus;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.Attendance;
import fr.rdvnumerique.atelier.RegistrationRequest;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.RosterService;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.base.domain.BusinessRuleException;
import fr.rdvnumerique.base.domain.InvalidValueException;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.territory.CommuneForm;
import fr.rdvnumerique.territory.CommuneService;
import fr.rdvnumerique.territory.ConventionForm;
import fr.rdvnumerique.territory.ConventionService;
import fr.rdvnumerique.territory.PlaceForm;
import fr.rdvnumerique.territory.PlaceKind;
import fr.rdvnumerique.territory.PlaceService;
import fr.rdvnumerique.territory.StepFreeAccess;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * One territory's March 2025, recorded through the real services, then reported on in January 2026: the figures
 * the council reads must be exactly what was recorded, per commune and overall.
 */
@IntegrationTest
class ActivityReportServiceTest {

    private static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);
    private static final LocalDate DEC_31 = LocalDate.of(2025, 12, 31);

    @Autowired TerritoryFixtures territories;
    @Autowired AtelierFixtures ateliers;
    @Autowired AppointmentFixtures appointmentFixtures;
    @Autowired CommuneService communes;
    @Autowired PlaceService places;
    @Autowired ConventionService conventions;
    @Autowired RegistrationService registrations;
    @Autowired RosterService rosters;
    @Autowired AgendaService agenda;
    @Autowired ActivityRecordService records;
    @Autowired ActivityReportService reports;
    @Autowired TestClock clock;

    TestTerritory t;
    long motifId;
    long partnerCommune;
    long partnerPlace;

    @BeforeEach
    void march2025() {
        clock.setParis(2025, 3, 3, 9, 0);
        t = territories.create("Rapport");
        StaffLogin.coordinator(t.structureId());
        partnerCommune = communes.create(new CommuneForm("Houdemont Rapport", "54265", "54740"));
        partnerPlace = places.create(new PlaceForm(partnerCommune, "Mairie partenaire", null, PlaceKind.MAIRIE, "1 rue de la Mairie",
                StepFreeAccess.YES, null, null, null));
        // 20 h a week for the host commune, 15 h for the partner; 7,000 € a year not covered by the subsidy.
        conventions.create(new ConventionForm("Convention 2025", t.communeId(), LocalDate.of(2024, 12, 1), JAN_1, DEC_31, 1,
                new BigDecimal("50000"), new BigDecimal("7000"),
                List.of(new ConventionForm.Share(t.communeId(), new BigDecimal("20")),
                        new ConventionForm.Share(partnerCommune, new BigDecimal("15"))),
                List.of(new ConventionForm.Instalment(20, 0), new ConventionForm.Instalment(30, 6),
                        new ConventionForm.Instalment(50, 12))));

        // Ateliers: 3 seats and 4 people at the médiathèque, 2 people at the partner's town hall.
        long workshop = ateliers.workshop(t, "Découvrir sa tablette (rapport)");
        long mediatheque = ateliers.session(t, workshop, paris(2025, 3, 10, 14), 3);
        long townHall = ateliers.session(t, workshop, paris(2025, 3, 12, 10), 4, partnerPlace);
        long jeanne = confirmed(register(mediatheque, "Jeanne", AgeBand.PLUS_DE_70, partnerCommune));
        long robert = confirmed(register(mediatheque, "Robert", AgeBand.PLUS_DE_70, null));
        long monique = confirmed(register(mediatheque, "Monique", AgeBand.DE_60_A_69, t.communeId()));
        assertThat(register(mediatheque, "André", AgeBand.PLUS_DE_70, null)).isInstanceOf(PlaceResult.Waitlisted.class);
        long paul = confirmed(register(townHall, "Paul", AgeBand.DE_40_A_59, partnerCommune));
        long lucie = confirmed(register(townHall, "Lucie", null, partnerCommune));

        // Rendez-vous on Tuesday 11 March: one held, one missed, one cancelled.
        motifId = appointmentFixtures.motif(t);
        appointmentFixtures.open(t, DayOfWeek.TUESDAY, "09:00", "12:00");
        long held = book(paris(2025, 3, 11, 9));
        long missed = book(paris(2025, 3, 11, 10));
        long cancelled = book(paris(2025, 3, 11, 11));
        agenda.cancel(cancelled, "Empêchée");

        clock.setParis(2025, 3, 13, 18, 0);
        rosters.markAttendance(jeanne, Attendance.PRESENT);
        rosters.markAttendance(robert, Attendance.PRESENT);
        rosters.markAttendance(monique, Attendance.ABSENT);
        rosters.markAttendance(paul, Attendance.PRESENT);
        rosters.markAttendance(lucie, Attendance.EXCUSE);
        agenda.markDone(held);
        agenda.markNoShow(missed);
        records.recordForAppointment(held, new ActivityRecordForm(LocalDate.of(2025, 3, 11), 60,
                ActivityLocation.LIEU_ACTIVITE, t.placeId(), null, Set.of(Theme.EMAIL), Set.of(),
                AutonomyLevel.PARTIELLEMENT_AUTONOME, Set.of(EquipmentUsed.TABLETTE), false, null, AgeBand.PLUS_DE_70,
                Gender.FEMININ, OccupationStatus.RETRAITE, partnerCommune, null));
        // Help at someone's home in the partner commune, without an appointment.
        records.recordWalkIn(t.advisorId(), new ActivityRecordForm(LocalDate.of(2025, 3, 12), 30, ActivityLocation.A_DOMICILE,
                null, partnerCommune, Set.of(Theme.SECURITE_NUMERIQUE), Set.of(), AutonomyLevel.ENTIEREMENT_ACCOMPAGNE,
                Set.of(EquipmentUsed.TELEPHONE), false, null, AgeBand.PLUS_DE_70, Gender.MASCULIN, OccupationStatus.RETRAITE,
                null, null));

        clock.setParis(2026, 1, 10, 9, 0);
    }

    @AfterEach
    void reset() {
        StaffLogin.signOut();
        clock.reset();
    }

    @Test
    void the_year_adds_up_to_exactly_what_was_recorded() {
        ActivityReport report = reports.report(JAN_1, DEC_31, null);

        var individual = report.individual();
        assertThat(individual.appointmentsByStatus()).containsEntry(AppointmentStatus.DONE, 1L)
                .containsEntry(AppointmentStatus.NO_SHOW, 1L).containsEntry(AppointmentStatus.CANCELLED, 1L);
        assertThat(individual.records()).containsEntry("RENDEZ_VOUS", 1L).containsEntry("PONCTUEL", 1L);
        assertThat(individual.byAutonomy()).containsEntry(AutonomyLevel.PARTIELLEMENT_AUTONOME, 1L)
                .containsEntry(AutonomyLevel.ENTIEREMENT_ACCOMPAGNE, 1L);
        assertThat(individual.minutesByPlace()).containsExactlyEntriesOf(java.util.Map.of(t.placeId(), 60L));
        assertThat(individual.minutesByCommune()).containsExactlyEntriesOf(java.util.Map.of(partnerCommune, 30L));

        var workshops = report.ateliers();
        assertThat(workshops.sessionsHeld()).isEqualTo(2);
        assertThat(workshops.seatsOffered()).isEqualTo(7);
        assertThat(workshops.participants()).isEqualTo(5);
        assertThat(workshops.present()).isEqualTo(3);
        assertThat(workshops.absent()).isEqualTo(1);
        assertThat(workshops.excused()).isEqualTo(1);
        assertThat(workshops.waitingAtStart()).isEqualTo(1);
        assertThat(workshops.participantsByCommune()).containsEntry(partnerCommune, 3L).containsEntry(t.communeId(), 1L);
        assertThat(workshops.participantsByAgeBand()).containsEntry(AgeBand.PLUS_DE_70, 2L)
                .containsEntry(AgeBand.NON_COMMUNIQUE, 1L);
        assertThat(report.themes()).extracting(ActivityReport.ThemeLine::theme)
                .contains(Theme.EMAIL, Theme.SECURITE_NUMERIQUE, Theme.PRENDRE_EN_MAIN_DU_MATERIEL);
        assertThat(report.helpGiven()).isEqualTo(2 + 5);
    }

    @Test
    void each_person_counts_once_at_the_autonomy_of_their_first_help_and_once_at_that_of_their_latest() {
        // Paulette comes back twice with the same phone: partially autonomous in April, autonomous in May.
        clock.setParis(2025, 4, 1, 9, 0);
        String phone = AppointmentFixtures.uniquePhone();
        long april = bookFor(paris(2025, 4, 8, 9), phone);
        long may = bookFor(paris(2025, 5, 6, 9), phone);
        clock.setParis(2025, 5, 7, 9, 0);
        for (var visit : List.of(java.util.Map.entry(april, AutonomyLevel.ENTIEREMENT_ACCOMPAGNE),
                java.util.Map.entry(may, AutonomyLevel.AUTONOME))) {
            agenda.markDone(visit.getKey());
            records.recordForAppointment(visit.getKey(), new ActivityRecordForm(visit.getKey() == april
                    ? LocalDate.of(2025, 4, 8) : LocalDate.of(2025, 5, 6), 45, ActivityLocation.LIEU_ACTIVITE,
                    t.placeId(), null, Set.of(Theme.EMAIL), Set.of(), visit.getValue(), Set.of(EquipmentUsed.TABLETTE), false, null,
                    AgeBand.PLUS_DE_70, Gender.FEMININ, OccupationStatus.RETRAITE, null, null));
        }
        clock.setParis(2026, 1, 10, 9, 0);

        var individual = reports.report(JAN_1, DEC_31, null).individual();
        // Four records, three people: the two of March once each, Paulette once in each column.
        assertThat(individual.byAutonomy()).containsEntry(AutonomyLevel.ENTIEREMENT_ACCOMPAGNE, 2L)
                .containsEntry(AutonomyLevel.PARTIELLEMENT_AUTONOME, 1L).containsEntry(AutonomyLevel.AUTONOME, 1L);
        assertThat(individual.peopleByFirstAutonomy()).containsEntry(AutonomyLevel.ENTIEREMENT_ACCOMPAGNE, 2L)
                .containsEntry(AutonomyLevel.PARTIELLEMENT_AUTONOME, 1L).containsEntry(AutonomyLevel.AUTONOME, 0L);
        assertThat(individual.peopleByLatestAutonomy()).containsEntry(AutonomyLevel.ENTIEREMENT_ACCOMPAGNE, 1L)
                .containsEntry(AutonomyLevel.PARTIELLEMENT_AUTONOME, 1L).containsEntry(AutonomyLevel.AUTONOME, 1L);
        // Within April alone, Paulette's first help is also her latest.
        var april2025 = reports.report(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30), null).individual();
        assertThat(april2025.peopleByFirstAutonomy()).containsExactlyEntriesOf(
                java.util.Map.of(AutonomyLevel.ENTIEREMENT_ACCOMPAGNE, 1L));
        assertThat(april2025.peopleByLatestAutonomy()).isEqualTo(april2025.peopleByFirstAutonomy());
    }

    @Test
    void each_commune_is_owed_its_convention_hours_and_pays_its_share() {
        List<CommuneHours> hours = reports.report(JAN_1, DEC_31, null).hours();

        CommuneHours host = hours.stream().filter(h -> h.communeId() == t.communeId()).findFirst().orElseThrow();
        CommuneHours partner = hours.stream().filter(h -> h.communeId() == partnerCommune).findFirst().orElseThrow();
        // The rendez-vous (60 min) and the médiathèque session (120 min); the town hall session (120) and home help (30).
        assertThat(host.deliveredHours()).isEqualByComparingTo("3.0");
        assertThat(partner.deliveredHours()).isEqualByComparingTo("2.5");
        assertThat(host.deliveredPercent()).isEqualTo(55);
        assertThat(host.allocatedHours()).isEqualByComparingTo("1042.9");
        assertThat(partner.allocatedHours()).isEqualByComparingTo("782.1");
        assertThat(host.costShare()).isEqualByComparingTo("4000.00");
        assertThat(partner.costShare()).isEqualByComparingTo("3000.00");
    }

    @Test
    void a_switched_off_convention_no_longer_shares_the_costs() {
        long convention = conventions.list(org.springframework.data.domain.PageRequest.of(0, 10)).getContent().getFirst().id();
        conventions.setActive(convention, false);

        List<CommuneHours> hours = reports.report(JAN_1, DEC_31, null).hours();

        assertThat(hours).allSatisfy(h -> {
            assertThat(h.costShare()).isNull();
            assertThat(h.allocatedHours()).isEqualByComparingTo("0");
        });
        assertThat(hours).extracting(CommuneHours::deliveredHours).contains(new BigDecimal("3.0"), new BigDecimal("2.5"));
    }

    @Test
    void a_commune_report_counts_only_what_happened_there() {
        ActivityReport report = reports.report(JAN_1, DEC_31, partnerCommune);

        assertThat(report.communeName()).isEqualTo("Houdemont Rapport");
        assertThat(report.individual().appointmentCount()).isZero();
        assertThat(report.individual().recordCount()).isEqualTo(1);
        assertThat(report.ateliers().sessionsHeld()).isEqualTo(1);
        assertThat(report.ateliers().participants()).isEqualTo(2);
        assertThat(report.hours()).singleElement().satisfies(h -> assertThat(h.communeId()).isEqualTo(partnerCommune));
    }

    @Test
    void another_period_is_empty() {
        ActivityReport report = reports.report(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null);

        assertThat(report.individual().appointmentCount()).isZero();
        assertThat(report.individual().recordCount()).isZero();
        assertThat(report.ateliers().sessionsHeld()).isZero();
        assertThat(report.hours()).allSatisfy(h -> assertThat(h.deliveredHours()).isEqualByComparingTo("0"));
    }

    @Test
    void the_pdf_and_the_csv_say_the_same_figures() throws Exception {
        byte[] pdf = reports.pdf(JAN_1, DEC_31, null);
        var reader = new PdfReader(pdf);
        var text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        assertThat(text.toString()).contains("Rapport d’activité", "Houdemont Rapport", "Séances tenues",
                "Les heures par commune et le partage des coûts").containsPattern("Houdemont Rapport\\s*15 h\\s*782,1 h")
                .containsPattern("4[\\s\\u00A0\\u202F]+000,00");

        String csv = new String(reports.csv(JAN_1, DEC_31, null), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").contains("Séances tenues;2").contains("Places occupées;5")
                .contains("Houdemont Rapport;15 h;782,1 h;2,5 h;45 %");
    }

    @Test
    void the_pdf_draws_its_charts_as_vectors_never_as_images() throws Exception {
        byte[] pdf = reports.pdf(JAN_1, DEC_31, null);
        var reader = new PdfReader(pdf);
        int drawings = 0;
        for (int i = 1; i < reader.getXrefSize(); i++) {
            var object = reader.getPdfObject(i);
            if (object instanceof com.lowagie.text.pdf.PdfStream stream) {
                var subtype = stream.get(com.lowagie.text.pdf.PdfName.SUBTYPE);
                assertThat(subtype).as("object %d", i).isNotEqualTo(com.lowagie.text.pdf.PdfName.IMAGE);
                if (com.lowagie.text.pdf.PdfName.FORM.equals(subtype)) {
                    drawings++;
                }
            }
        }
        assertThat(drawings).as("one vector drawing per chart").isGreaterThanOrEqualTo(5);
        var text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        assertThat(text.toString()).contains("Graphique : heures allouées et heures réalisées, par commune",
                "Graphique : les thèmes les plus fréquents");
    }

    @Test
    void every_key_figure_stands_beside_the_same_dates_one_year_earlier() {
        ActivityReport report = reports.report(JAN_1, DEC_31, null);

        assertThat(report.previous().from()).isEqualTo(JAN_1.minusYears(1));
        assertThat(report.previous().to()).isEqualTo(DEC_31.minusYears(1));
        assertThat(report.previous().ateliers().sessionsHeld()).isZero();
        String csv = new String(reports.csv(JAN_1, DEC_31, null), StandardCharsets.UTF_8);
        assertThat(csv).contains("Quoi;Nombre;Un an plus tôt;Évolution").contains("Séances tenues;2;0;+2");
        var layout = new ReportLayout((key, args) -> key);
        assertThat(layout.change(5, 4)).isEqualTo("+1 (+25 %)");
        assertThat(layout.change(3, 4)).isEqualTo("\u22121 (\u221225 %)");
        assertThat(layout.change(2, 0)).isEqualTo("+2");
        assertThat(layout.change(4, 4)).isEqualTo("=");
    }

    @Test
    void the_period_must_make_sense() {
        assertThatThrownBy(() -> reports.report(DEC_31, JAN_1, null)).isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", "reporting.period.order");
        assertThatThrownBy(() -> reports.report(JAN_1, JAN_1.plusYears(4), null))
                .hasFieldOrPropertyWithValue("messageKey", "reporting.period.too-long");
        assertThatThrownBy(() -> reports.report(null, DEC_31, null))
                .hasFieldOrPropertyWithValue("messageKey", "reporting.period.required");
    }

    @Test
    void another_structure_sees_nothing_of_it() {
        TestTerritory other = territories.create("Autre rapport");
        StaffLogin.coordinator(other.structureId());

        assertThatThrownBy(() -> reports.report(JAN_1, DEC_31, t.communeId())).isInstanceOf(AccessDeniedException.class);
        ActivityReport own = reports.report(JAN_1, DEC_31, null);
        assertThat(own.ateliers().sessionsHeld()).isZero();
        assertThat(own.individual().recordCount()).isZero();

        StaffLogin.advisor(t.structureId(), t.advisorId());
        assertThatThrownBy(() -> reports.report(JAN_1, DEC_31, null)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_objectives_are_kept_per_year_and_a_stale_edit_is_refused() {
        reports.saveObjectives(2025, -1, "Ouvrir une permanence à Houdemont le samedi.");
        var saved = reports.objectives(2025);
        assertThat(saved.value()).isEqualTo("Ouvrir une permanence à Houdemont le samedi.");
        assertThat(reports.report(JAN_1, DEC_31, null).objectives()).isEqualTo(saved.value());
        assertThat(reports.objectives(2024).value()).isEmpty();

        reports.saveObjectives(2025, saved.version(), "Deux ateliers par semaine.");
        assertThatThrownBy(() -> reports.saveObjectives(2025, saved.version(), "Écrit dans un autre onglet"))
                .isInstanceOf(BusinessRuleException.class).hasFieldOrPropertyWithValue("messageKey", "error.concurrent-change");
        assertThatThrownBy(() -> reports.saveObjectives(2025, reports.objectives(2025).version(), "x".repeat(4001)))
                .hasFieldOrPropertyWithValue("messageKey", "validation.too-long");
        assertThat(reports.objectives(2025).value()).isEqualTo("Deux ateliers par semaine.");
    }

    private PlaceResult<Seats, Void> register(long session, String firstName, AgeBand age, Long commune) {
        return registrations.register(new RegistrationRequest(session, firstName, "Rapport", AtelierFixtures.email(firstName.toLowerCase().replaceAll("[^a-z]", "")),
                null, null, null, commune, false, age, Set.of(), false, AtelierFixtures.web(), true));
    }

    private static long confirmed(PlaceResult<Seats, Void> result) {
        assertThat(result).isInstanceOf(PlaceResult.Confirmed.class);
        return ((PlaceResult.Confirmed<Seats, Void>) result).id();
    }

    private long bookFor(Instant start, String phone) {
        return ((PlaceResult.Confirmed<AppointmentCard, FreeSlot>) agenda.book(new BookingRequest(t.placeId(), motifId,
                start, "Paulette", "Fidèle", null, phone, false, Set.of(), null, Origin.staff(), t.advisorId()))).id();
    }

    private long book(Instant start) {
        return ((PlaceResult.Confirmed<AppointmentCard, FreeSlot>) agenda.book(new BookingRequest(t.placeId(), motifId,
                start, "Paulette", "Rapport", null, AppointmentFixtures.uniquePhone(), false, Set.of(), null,
                Origin.staff(), t.advisorId()))).id();
    }

    private static Instant paris(int year, int month, int day, int hour) {
        return ZonedDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, 0), ParisTime.ZONE).toInstant();
    }
}
