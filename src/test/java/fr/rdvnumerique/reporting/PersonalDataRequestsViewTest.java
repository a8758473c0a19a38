package fr.rdvnumerique.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import fr.rdvnumerique.appointment.ActivityRecordForm;
import fr.rdvnumerique.appointment.ActivityRecordService;
import fr.rdvnumerique.appointment.AgendaService;
import fr.rdvnumerique.appointment.AppointmentCard;
import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.appointment.BookingRequest;
import fr.rdvnumerique.appointment.FreeSlot;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.Attendance;
import fr.rdvnumerique.atelier.RegistrationRequest;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.RosterService;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.retention.HeldItem;
import fr.rdvnumerique.base.retention.PersonalDataRequests;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.taxonomy.ActivityLocation;
import fr.rdvnumerique.base.taxonomy.AgeBand;
import fr.rdvnumerique.base.taxonomy.AutonomyLevel;
import fr.rdvnumerique.base.taxonomy.EquipmentUsed;
import fr.rdvnumerique.base.taxonomy.Gender;
import fr.rdvnumerique.base.taxonomy.OccupationStatus;
import fr.rdvnumerique.base.taxonomy.Theme;
import fr.rdvnumerique.base.time.ParisTime;
import fr.rdvnumerique.base.ui.PersonalDataRequestsView;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A resident asks what the structure holds about them, then to erase it: the coordinator finds them by e-mail on
 * « Données d’un habitant », exports, erases with a reason; the person's rows lose names and contacts, another
 * person's stay, and every report of every past period gives the same totals before and after.
 */
@IntegrationTest
class PersonalDataRequestsViewTest extends SpringBrowserlessTest {

    private static final List<LocalDate[]> PERIODS = List.of(
            new LocalDate[] {LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)},
            new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)});

    @Autowired TerritoryFixtures territories;
    @Autowired AtelierFixtures ateliers;
    @Autowired AppointmentFixtures appointmentFixtures;
    @Autowired RegistrationService registrations;
    @Autowired RosterService rosters;
    @Autowired AgendaService agenda;
    @Autowired ActivityRecordService records;
    @Autowired ActivityReportService reports;
    @Autowired PersonalDataRequests requests;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired fr.rdvnumerique.notification.NotificationTestKit notifications;

    TestTerritory t;
    long motif;

    @AfterEach
    void reset() {
        StaffLogin.signOut();
        clock.reset();
    }

    @Test
    void a_coordinator_finds_exports_and_erases_a_persons_data_and_past_reports_do_not_move() throws Exception {
        clock.setParis(2025, 3, 3, 9, 0);
        t = territories.create("RGPD");
        StaffLogin.coordinator(t.structureId());
        motif = appointmentFixtures.motif(t);
        appointmentFixtures.open(t, java.time.DayOfWeek.TUESDAY, "09:00", "12:00");
        long workshop = ateliers.workshop(t, "Découvrir sa messagerie (RGPD)");
        long session = ateliers.session(t, workshop, paris(2025, 3, 12, 14), 1);
        long later = ateliers.session(t, workshop, paris(2025, 3, 14, 14), 1);
        String jeanne = AtelierFixtures.email("jeanne.rgpd");
        String other = AtelierFixtures.email("autre.rgpd");
        long registration = confirmed(register(session, "Jeanne", jeanne));
        long otherRegistration = confirmed(register(later, "Paul", other));
        assertThat(register(later, "Jeanne", jeanne)).isInstanceOf(PlaceResult.Waitlisted.class);
        assertThat(register(session, "Paul", other)).isInstanceOf(PlaceResult.Waitlisted.class);
        long appointment = book(paris(2025, 3, 11, 9), "Jeanne", jeanne);
        long otherAppointment = book(paris(2025, 3, 11, 10), "Paul", other);
        clock.setParis(2025, 3, 13, 18, 0);
        rosters.markAttendance(registration, Attendance.PRESENT);
        agenda.markDone(otherAppointment);
        records.recordForAppointment(appointment, new ActivityRecordForm(LocalDate.of(2025, 3, 11), 45,
                ActivityLocation.LIEU_ACTIVITE, t.placeId(), null, Set.of(Theme.EMAIL), Set.of(),
                AutonomyLevel.PARTIELLEMENT_AUTONOME, Set.of(EquipmentUsed.TABLETTE), false, null, AgeBand.PLUS_DE_70,
                Gender.FEMININ, OccupationStatus.RETRAITE, t.communeId(), "Jeanne veut écrire à sa fille"));

        notifications.awaitEvents();
        clock.setParis(2025, 6, 2, 10, 0);
        Map<String, Object> before = everyReport();

        navigate(PersonalDataRequestsView.class);
        test($(Button.class).id("rgpd-search")).click();
        assertThat($(EmailField.class).id("rgpd-email").isInvalid()).as("an e-mail or a phone is needed").isTrue();
        test($(TextField.class).id("rgpd-phone")).setValue("pas un numéro");
        test($(EmailField.class).id("rgpd-email")).setValue(jeanne.toUpperCase());
        test($(Button.class).id("rgpd-search")).click();
        assertThat($(TextField.class).id("rgpd-phone").isInvalid()).isTrue();
        test($(TextField.class).id("rgpd-phone")).setValue("");
        test($(Button.class).id("rgpd-search")).click();

        @SuppressWarnings("unchecked")
        Grid<HeldItem> grid = $(Grid.class).id("rgpd-results");
        List<HeldItem> found = grid.getGenericDataView().getItems().toList();
        assertThat(found).extracting(HeldItem::kind).filteredOn(kind -> !kind.equals("rgpd.kind.mail"))
                .containsExactlyInAnyOrder("rgpd.kind.appointment", "rgpd.kind.activity-record",
                        "rgpd.kind.registration", "rgpd.kind.waiting-list");
        assertThat(found).extracting(HeldItem::kind).as("the mails she was sent").contains("rgpd.kind.mail");
        assertThat($(Paragraph.class).id("rgpd-summary").getText()).isEqualTo(found.size() + " données trouvées.");
        assertThat($(Anchor.class).id("rgpd-export-json").getHref()).isNotBlank();
        assertThat($(Anchor.class).id("rgpd-export-pdf").getHref()).isNotBlank();

        String json = new String(requests.json(jeanne, null), StandardCharsets.UTF_8);
        assertThat(json).contains("\"kind\": \"appointment\"", "\"kind\": \"registration\"", "\"email\": \"" + jeanne + "\"",
                "Jeanne veut écrire à sa fille").doesNotContain(other);
        var pdf = new PdfReader(requests.pdf(jeanne, null));
        var pages = new StringBuilder();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            pages.append(new PdfTextExtractor(pdf).getTextFromPage(page)).append('\n');
        }
        String text = pages.toString();
        assertThat(text).contains("Vos données personnelles", "Rendez-vous", "Inscription à un atelier", "Adresse e-mail");

        test($(Button.class).id("rgpd-erase")).click();
        test($(Button.class).id("rgpd-erase-confirm")).click();
        assertThat($(TextArea.class).id("rgpd-erase-reason").isInvalid()).as("a reason is required").isTrue();
        test($(TextArea.class).id("rgpd-erase-reason")).setValue("Demande écrite reçue à l’accueil le 2 juin");
        test($(Button.class).id("rgpd-erase-confirm")).click();
        assertThat($(Paragraph.class).id("rgpd-summary").getText()).isEqualTo("Aucune donnée trouvée pour cette personne.");

        assertThat(jdbc.queryForMap("select person_name, email, phone from appointment where id = ?", appointment))
                .containsEntry("person_name", "Anonyme").containsEntry("email", null);
        assertThat(jdbc.queryForObject("select notes from activity_record where appointment_id = ?", String.class,
                appointment)).isNull();
        assertThat(jdbc.queryForMap("select first_name, email from atelier_registration where id = ?", registration))
                .containsEntry("first_name", "Anonyme").containsEntry("email", null);
        assertThat(jdbc.queryForObject("select email from appointment where id = ?", String.class, otherAppointment))
                .as("another person's data stays").isEqualTo(other);
        assertThat(jdbc.queryForObject("select email from atelier_registration where id = ?", String.class,
                otherRegistration)).isEqualTo(other);
        assertThat(jdbc.queryForObject("select count(*) from outbound_message where recipient = ?", Integer.class,
                jeanne)).as("her mails are gone").isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbound_message where recipient = ?", Integer.class,
                other)).as("his stay").isPositive();
        assertThat(jdbc.queryForList("select kind, reason from personal_data_request where structure_id = ? order by id",
                t.structureId())).extracting(row -> row.get("kind") + ":" + row.get("reason"))
                .containsExactly("EXPORT:null", "EXPORT:null", "ERASURE:Demande écrite reçue à l’accueil le 2 juin");

        assertThat(everyReport()).isEqualTo(before);
    }

    private Map<String, Object> everyReport() {
        var all = new LinkedHashMap<String, Object>();
        for (LocalDate[] period : PERIODS) {
            String name = period[0] + ".." + period[1];
            all.put(name, reports.report(period[0], period[1], null));
            all.put(name + ".csv", new String(reports.csv(period[0], period[1], null), StandardCharsets.UTF_8));
        }
        return all;
    }

    private PlaceResult<Seats, Void> register(long session, String firstName, String email) {
        return registrations.register(new RegistrationRequest(session, firstName, "Rgpd", email, null, null, null,
                t.communeId(), false, AgeBand.PLUS_DE_70, Set.of(), false, AtelierFixtures.web(), true));
    }

    private static long confirmed(PlaceResult<Seats, Void> result) {
        assertThat(result).isInstanceOf(PlaceResult.Confirmed.class);
        return ((PlaceResult.Confirmed<Seats, Void>) result).id();
    }

    private long book(Instant start, String firstName, String email) {
        var result = agenda.book(new BookingRequest(t.placeId(), motif, start, firstName, "Rgpd", email, null, false,
                Set.of(), null, Origin.staff(), t.advisorId()));
        assertThat(result).isInstanceOf(PlaceResult.Confirmed.class);
        return ((PlaceResult.Confirmed<AppointmentCard, FreeSlot>) result).id();
    }

    private static Instant paris(int year, int month, int day, int hour) {
        return ZonedDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, 0), ParisTime.ZONE).toInstant();
    }
}
