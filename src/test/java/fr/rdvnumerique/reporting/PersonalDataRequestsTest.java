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
import fr.rdvnumerique.notification.NotificationTestKit;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * A resident asks what the structure holds about them, then to be forgotten. The coordinator finds Jeanne by her
 * e-mail (typed in capitals) and her mobile across rendez-vous, activity records, registrations, the waiting list, a
 * late-seat offer, mails and text messages; exports it (JSON, French PDF); erases it with a reason. Her rows lose
 * names, contacts, notes and links, Paul's stay, every search, export and erasure is in the audit trail without her
 * contact, and every report of every past period gives the same totals before and after.
 */
@IntegrationTest
class PersonalDataRequestsTest {

    private static final List<LocalDate[]> PERIODS = List.of(
            new LocalDate[] {LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)},
            new LocalDate[] {LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 16)},
            new LocalDate[] {LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)},
            new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)});

    @Autowired TerritoryFixtures territories;
    @Autowired AtelierFixtures ateliers;
    @Autowired AppointmentFixtures appointmentFixtures;
    @Autowired RegistrationService registrations;
    @Autowired RosterService rosters;
    @Autowired AgendaService agenda;
    @Autowired ActivityRecordService records;
    @Autowired ActivityReportService reports;
    @Autowired PersonalDataRequests requests;
    @Autowired NotificationTestKit notifications;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    TestTerritory t;
    long motif;
    String staffDomain;

    @AfterEach
    void reset() {
        notifications.awaitEvents();
        if (staffDomain != null) {
            notifications.discard(staffDomain);
        }
        // Nobody sends these test text messages: no other test's dispatcher should try.
        jdbc.update("update outbound_message set status = 'FAILED' where channel = 'SMS' and status in ('PENDING', 'SENDING')");
        StaffLogin.signOut();
        clock.reset();
    }

    @Test
    void a_coordinator_finds_exports_and_erases_a_persons_data_and_no_past_report_moves() throws Exception {
        clock.setParis(2025, 3, 3, 9, 0);
        t = territories.create("Demandes RGPD");
        TestTerritory elsewhere = territories.create("Ailleurs RGPD");
        StaffLogin.coordinator(t.structureId());
        motif = appointmentFixtures.motif(t);
        appointmentFixtures.open(t, java.time.DayOfWeek.TUESDAY, "09:00", "12:00");
        long workshop = ateliers.workshop(t, "Découvrir sa messagerie (RGPD)");
        Instant startC = paris(2025, 3, 20, 14);
        long sessionA = ateliers.session(t, workshop, paris(2025, 3, 12, 14), 1);
        long sessionB = ateliers.session(t, workshop, paris(2025, 3, 14, 14), 1);
        long sessionC = ateliers.session(t, workshop, startC, 1);
        long sessionD = ateliers.session(t, workshop, paris(2025, 3, 21, 14), 4);
        String jeanne = AtelierFixtures.email("jeanne.rgpd");
        String mobile = AppointmentFixtures.uniquePhone();
        String paul = AtelierFixtures.email("paul.rgpd");
        // The advisor reads a daily digest (the default): its notices name the people who booked.
        staffDomain = "s" + NotificationTestKit.newSubjectId() + ".example.org";
        notifications.staffAccount(null, t.structureId(), t.advisorId(), "resume@" + staffDomain, "ADVISOR");

        long registration = id(register(sessionA, "Jeanne", jeanne, null));
        long paulRegistration = id(register(sessionB, "Paul", paul, null));
        var waiting = register(sessionB, "Jeanne", jeanne, null);
        assertThat(waiting).isInstanceOf(PlaceResult.Waitlisted.class);
        var lea = (PlaceResult.Confirmed<Seats, Void>) register(sessionC, "Léa", AtelierFixtures.email("lea.rgpd"), null);
        long offered = id(register(sessionC, "Jeanne", jeanne, null));
        long byText = id(register(sessionD, "Jeanne", null, mobile));
        long appointment = book(paris(2025, 3, 11, 9), "Jeanne", jeanne);
        long paulAppointment = book(paris(2025, 3, 11, 10), "Paul", paul);
        notifications.awaitEvents();

        assertThatThrownBy(() -> requests.erase(jeanne, mobile, "Demande reçue par courrier"))
                .as("activities still to come are cancelled first").isInstanceOf(BusinessRuleException.class)
                .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo("rgpd.erase.upcoming");

        clock.setParis(2025, 3, 13, 18, 0);
        rosters.markAttendance(registration, Attendance.PRESENT);
        agenda.markDone(paulAppointment);
        records.recordForAppointment(appointment, new ActivityRecordForm(LocalDate.of(2025, 3, 11), 45,
                ActivityLocation.LIEU_ACTIVITE, t.placeId(), null, Set.of(Theme.EMAIL), Set.of(),
                AutonomyLevel.PARTIELLEMENT_AUTONOME, Set.of(EquipmentUsed.TABLETTE), false, null, AgeBand.PLUS_DE_70,
                Gender.FEMININ, OccupationStatus.RETRAITE, t.communeId(), "Jeanne veut écrire à sa fille"));
        // Léa gives up her seat ten hours before: it is offered to Jeanne, first in line.
        clock.set(startC.minus(Duration.ofHours(10)));
        registrations.cancelByToken(lea.managementToken());
        notifications.awaitEvents();

        clock.setParis(2025, 6, 2, 10, 0);
        Map<String, Object> before = everyReport();

        var findings = requests.search("  " + jeanne.toUpperCase() + " ", mobile);
        assertThat(findings.items()).extracting(HeldItem::kind).contains("rgpd.kind.appointment",
                "rgpd.kind.activity-record", "rgpd.kind.registration", "rgpd.kind.waiting-list", "rgpd.kind.seat-offer",
                "rgpd.kind.mail", "rgpd.kind.sms", "rgpd.kind.staff-notice");
        assertThat(findings.items()).filteredOn(i -> i.kind().equals("rgpd.kind.registration"))
                .extracting(HeldItem::id).containsExactlyInAnyOrder(registration, byText);
        assertThat(findings.items()).filteredOn(i -> i.kind().equals("rgpd.kind.seat-offer"))
                .extracting(HeldItem::id).containsExactly(offered);
        assertThat(findings.items()).filteredOn(i -> i.kind().equals("rgpd.kind.appointment"))
                .extracting(HeldItem::id).containsExactly(appointment);
        assertThat(findings.perModule()).containsOnlyKeys("rgpd.module.appointment", "rgpd.module.atelier",
                "rgpd.module.notification");
        assertThat(findings.items()).flatExtracting(i -> i.fields().values()).map(String::valueOf)
                .as("nothing of Paul's").noneMatch(v -> v.contains(paul) || v.startsWith("Paul"));
        assertThat(findings.upcoming()).isZero();

        // Coordinators see their structure only; administrators every structure.
        StaffLogin.coordinator(elsewhere.structureId());
        assertThat(requests.search(jeanne, mobile).items()).isEmpty();
        StaffLogin.admin();
        assertThat(requests.search(jeanne, mobile).items()).hasSameSizeAs(findings.items());
        StaffLogin.coordinator(t.structureId());

        String json = new String(requests.json(jeanne, mobile), StandardCharsets.UTF_8);
        assertThat(json).contains("\"kind\" : \"seat-offer\"", "\"email\" : \"" + jeanne + "\"",
                "\"notes\" : \"Jeanne veut écrire à sa fille\"", "\"status\" : \"WAITING\"", "\"module\" : \"notification\"")
                .doesNotContain(paul);
        byte[] pdf = requests.pdf(jeanne, mobile);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "rgpd-export.pdf"), pdf);
        String text = pdfText(pdf);
        assertThat(text).contains("Vos données personnelles", jeanne, "Rendez-vous", "Compte rendu d’activité",
                "Inscription à un atelier", "Liste d’attente d’un atelier", "Place libérée proposée", "Messages et appels",
                "Adresse e-mail", "mardi 11 mars 2025 à 9 h 00", "Jeanne veut écrire à sa fille", "CNIL")
                .containsPattern("\\(lien\\s+personnel,\\s+non\\s+conservé\\)")
                .doesNotContain(paul, "CONFIRMED", "rgpd.field", "rgpd.kind", "rgpd.value", "+33", "{{lien");

        assertThatThrownBy(() -> requests.erase(jeanne, mobile, "   "))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo(PersonalDataRequests.REASON);
                    assertThat(e.messageKey()).isEqualTo("rgpd.erase.reason.required");
                });
        var erasure = requests.erase(jeanne, mobile, "Demande écrite reçue à l’accueil le 2 juin");
        assertThat(erasure.records()).isGreaterThanOrEqualTo(findings.items().size());

        assertThat(jdbc.queryForMap("select person_name, email, phone, anonymised_at from appointment where id = ?",
                appointment)).containsEntry("person_name", "Anonyme").containsEntry("email", null)
                .containsEntry("phone", null).extractingByKey("anonymised_at").isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from appointment_token where appointment_id = ?", Integer.class,
                appointment)).isZero();
        assertThat(jdbc.queryForObject("select notes from activity_record where appointment_id = ?", String.class,
                appointment)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from atelier_registration where id in (?, ?, ?, ?) "
                        + "and first_name = 'Anonyme' and email is null and phone is null", Integer.class,
                registration, byText, offered, ((PlaceResult.Waitlisted<Seats, Void>) waiting).id())).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from outbound_message where lower(recipient) = ? or recipient = ?",
                Integer.class, jeanne, AppointmentFixtures.e164(mobile))).as("her mails and text messages").isZero();
        assertThat(jdbc.queryForObject("select count(*) from staff_notice where structure_id = ? and text like '%Jeanne%'",
                Integer.class, t.structureId())).as("the staff's notices about her").isZero();
        assertThat(jdbc.queryForObject("select count(*) from staff_notice where structure_id = ? and text like '%Paul%'",
                Integer.class, t.structureId())).as("those about Paul stay").isPositive();
        assertThat(jdbc.queryForObject("select email from appointment where id = ?", String.class, paulAppointment))
                .as("Paul's data stays").isEqualTo(paul);
        assertThat(jdbc.queryForObject("select email from atelier_registration where id = ?", String.class,
                paulRegistration)).isEqualTo(paul);
        assertThat(jdbc.queryForObject("select count(*) from outbound_message where recipient = ?", Integer.class, paul))
                .isPositive();
        assertThat(requests.search(jeanne, mobile).items()).as("nothing links her any more").isEmpty();

        StaffLogin.coordinator(t.structureId());
        assertThat(everyReport()).isEqualTo(before);

        assertThat(jdbc.queryForMap("select structure_id, given, reason, records from personal_data_erasure where id = ?",
                erasure.id())).containsEntry("structure_id", t.structureId()).containsEntry("given", "email+phone")
                .containsEntry("reason", "Demande écrite reçue à l’accueil le 2 juin");
        var audit = jdbc.queryForList("select kind, record_id, changes from audit_entry where structure_id = ? "
                + "and kind like 'PERSONAL_DATA_%' order by id", t.structureId());
        assertThat(audit).extracting(row -> row.get("kind")).containsExactly("PERSONAL_DATA_SEARCHED",
                "PERSONAL_DATA_SEARCHED", "PERSONAL_DATA_EXPORTED", "PERSONAL_DATA_EXPORTED", "PERSONAL_DATA_ERASED",
                "PERSONAL_DATA_SEARCHED");
        assertThat(audit.get(1).get("changes")).as("the administrator's search is in this structure's journal")
                .isEqualTo("given: email+phone; found: " + findings.items().size());
        assertThat(audit.get(3).get("changes")).asString().contains("format: PDF");
        assertThat(audit.get(4).get("record_id")).isEqualTo(erasure.id());
        assertThat(audit).extracting(row -> String.valueOf(row.get("changes"))).as("no contact, no name in the journal")
                .noneMatch(c -> c.contains("@") || c.contains("Jeanne") || c.contains(mobile.substring(3, 8))
                        || c.contains("+33"));
    }

    @Test
    void a_coordinator_erases_in_their_structure_only_and_an_administrator_everywhere() {
        clock.setParis(2025, 3, 3, 9, 0);
        t = territories.create("RGPD ici");
        TestTerritory other = territories.create("RGPD là-bas");
        String louise = AtelierFixtures.email("louise.rgpd");
        long here = id(register(ateliers.session(t, ateliers.workshop(t, "Ici (RGPD)"), paris(2025, 3, 12, 14), 4),
                "Louise", louise, null));
        t = other;
        long there = id(register(ateliers.session(other, ateliers.workshop(other, "Là-bas (RGPD)"),
                paris(2025, 3, 13, 14), 4), "Louise", louise, null));
        notifications.awaitEvents();
        clock.setParis(2025, 6, 2, 10, 0);
        String name = "select first_name from atelier_registration where id = ?";

        StaffLogin.coordinator(jdbc.queryForObject("select structure_id from atelier_registration where id = ?",
                Long.class, here));
        requests.erase(louise, null, "Demande reçue par e-mail");
        assertThat(jdbc.queryForObject(name, String.class, here)).isEqualTo("Anonyme");
        assertThat(jdbc.queryForObject(name, String.class, there)).as("another structure's data").isEqualTo("Louise");

        StaffLogin.admin();
        var erasure = requests.erase(louise, null, "Demande transmise par la mairie");
        assertThat(jdbc.queryForObject(name, String.class, there)).isEqualTo("Anonyme");
        assertThat(jdbc.queryForObject("select structure_id from personal_data_erasure where id = ?", Long.class,
                erasure.id())).as("an administrator's erasure spans every structure").isNull();
        assertThat(jdbc.queryForList("select structure_id from audit_entry where kind = 'PERSONAL_DATA_ERASED' "
                + "and record_id = ?", Long.class, erasure.id())).as("in the journal of the structure concerned")
                .containsExactly(other.structureId());
        assertThat(requests.erasures()).extracting(PersonalDataRequests.ErasureEntry::id).contains(erasure.id());
    }

    private Map<String, Object> everyReport() {
        var all = new LinkedHashMap<String, Object>();
        for (LocalDate[] period : PERIODS) {
            String name = period[0] + ".." + period[1];
            all.put(name, reports.report(period[0], period[1], null));
            all.put(name + ".csv", new String(reports.csv(period[0], period[1], null), StandardCharsets.UTF_8));
            all.put(name + ".commune", reports.report(period[0], period[1], t.communeId()));
        }
        return all;
    }

    static String pdfText(byte[] pdf) throws java.io.IOException {
        var reader = new PdfReader(pdf);
        var text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    private PlaceResult<Seats, Void> register(long session, String firstName, String email, String phone) {
        return registrations.register(new RegistrationRequest(session, firstName, "Rgpd", email, phone, null, null,
                t.communeId(), false, AgeBand.PLUS_DE_70, Set.of(), false, AtelierFixtures.web(), true));
    }

    private static long id(PlaceResult<Seats, Void> result) {
        return switch (result) {
            case PlaceResult.Confirmed<Seats, Void> c -> c.id();
            case PlaceResult.Waitlisted<Seats, Void> w -> w.id();
            default -> throw new AssertionError(result);
        };
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
