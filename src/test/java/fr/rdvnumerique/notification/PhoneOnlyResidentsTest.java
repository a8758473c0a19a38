package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures;
import fr.rdvnumerique.atelier.AtelierFixtures.TestAtelier;
import fr.rdvnumerique.atelier.RegistrationRequest;
import fr.rdvnumerique.atelier.RegistrationService;
import fr.rdvnumerique.atelier.Seats;
import fr.rdvnumerique.atelier.SessionService;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.base.web.RateLimiter;
import fr.rdvnumerique.notification.internal.CallList;
import fr.rdvnumerique.notification.internal.CallReason;
import fr.rdvnumerique.notification.internal.ResidentNotices;
import fr.rdvnumerique.notification.jobs.ReminderJob;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A resident who gives only a phone number registers on the portal: with a mobile, the confirmation and the
 * reminder are text messages (with a private link that works); with a landline, they are calls on the staff's
 * « À appeler » list, the reminder's call replacing the confirmation's not made yet; a cancellation by the structure
 * reaches both.
 */
@IntegrationTest
class PhoneOnlyResidentsTest {

    @Autowired AtelierFixtures ateliers;
    @Autowired RegistrationService registrations;
    @Autowired SessionService sessions;
    @Autowired ReminderJob reminderJob;
    @Autowired fr.rdvnumerique.atelier.OfferExpiryJob offerJob;
    @Autowired ResidentNotices notices;
    @Autowired CallList callList;
    @Autowired NotificationTestKit kit;
    @Autowired RateLimiter limiter;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    SmsProvider provider;

    @BeforeEach
    void setUp() {
        clock.setParis(2026, 11, 30, 9, 0);
        limiter.reset();
        provider = new SmsProvider();
    }

    @AfterEach
    void tearDown() {
        kit.awaitEvents();
        jdbc.update("update outbound_message set status = 'FAILED' where channel = 'SMS' and status in ('PENDING', 'SENDING')");
        provider.close();
        clock.reset();
        StaffLogin.signOut();
    }

    static String landline() {
        long n = NotificationTestKit.newSubjectId() % 1_000_000;
        return String.format("03 83 %02d %02d %02d", n / 10_000, (n / 100) % 100, n % 100);
    }

    private long register(TestAtelier atelier, String first, String phone) {
        var result = registrations.register(RegistrationRequest.simple(atelier.sessionId(), first, "Martin", null, phone,
                AtelierFixtures.web()));
        return ((PlaceResult.Confirmed<Seats, Void>) result).id();
    }

    private List<String> sms(long registrationId) {
        return jdbc.queryForList("select kind from outbound_message where channel = 'SMS' and subject_type ="
                + " 'ATELIER_REGISTRATION' and subject_id = ? order by id", String.class, registrationId);
    }

    private List<String> calls(long registrationId, String status) {
        return jdbc.queryForList("select kind from call_task where subject_type = 'ATELIER_REGISTRATION'"
                + " and subject_id = ? and status = ? order by id", String.class, registrationId, status);
    }

    @Test
    void a_mobile_gets_text_messages_and_a_landline_gets_calls_from_the_staff() {
        TestAtelier atelier = ateliers.create("Téléphone seul", 4);
        String mobile = AppointmentFixtures.uniquePhone();
        long withMobile = register(atelier, "Marcel", mobile);
        long withLandline = register(atelier, "Odette", landline());
        kit.awaitEvents();

        assertThat(sms(withMobile)).containsExactly("ATELIER_REGISTRATION_CONFIRMED");
        assertThat(calls(withMobile, "DUE")).isEmpty();
        assertThat(sms(withLandline)).isEmpty();
        assertThat(calls(withLandline, "DUE")).containsExactly("CONFIRMATION");
        assertThat(notices.callsDue(atelier.territory().structureId())).as("the morning digest's count").isEqualTo(1);

        // Reminders: 48 h before, Saturday 5 December at 14:00.
        clock.setParis(2026, 12, 5, 14, 0);
        reminderJob.runOnce();
        assertThat(sms(withMobile)).containsExactly("ATELIER_REGISTRATION_CONFIRMED", "REMINDER");
        assertThat(calls(withLandline, "DUE")).as("the reminder's call replaces the one not made").containsExactly("REMINDER");
        assertThat(calls(withLandline, "SUPERSEDED")).containsExactly("CONFIRMATION");

        kit.dispatcher(provider.channel(), new TestLinkIssuer(), 100).runOnce();
        String e164 = AppointmentFixtures.e164(mobile);
        var received = provider.requestsFor(e164);
        assertThat(received).hasSize(2);
        String reminder = received.stream().map(r -> r.getBodyAsString()).filter(b -> b.contains("Rappel"))
                .findFirst().orElseThrow();
        assertThat(reminder).contains("Rappel : atelier \\\"Découvrir sa tablette Téléphone seul\\\", lundi 7 décembre à 14 h 00");
        assertThat(reminder).as("one tap answers « Je viens / Je ne pourrai pas venir »").contains("Venez-vous ? Répondez ici")
                .containsPattern("/inscription/[A-Za-z0-9_-]+/presence");
        String token = reminder.replaceAll("(?s).*" + java.util.regex.Pattern.quote(kit.publicUrl()) + "/inscription/([A-Za-z0-9_-]+).*", "$1");
        assertThat(registrations.findByToken(token)).as("the link in the text message works").isPresent();

        StaffLogin.advisor(atelier.territory().structureId(), atelier.territory().advisorId());
        var due = callList.list(null, true);
        assertThat(due).singleElement().satisfies(call -> {
            assertThat(call.reason()).isEqualTo(CallReason.REMINDER);
            assertThat(call.personName()).isEqualTo("Odette Martin");
            assertThat(call.phone()).startsWith("03 83");
            assertThat(call.what()).isEqualTo("Rappeler l’atelier « Découvrir sa tablette Téléphone seul » :"
                    + " lundi 7 décembre à 14 h 00, " + jdbc.queryForObject("select name from place where id = ?",
                    String.class, atelier.territory().placeId()) + ".");
            assertThat(call.dueBy()).isEqualTo(atelier.start());
        });

        // The structure cancels the session: a text message for one, a call for the other.
        StaffLogin.coordinator(atelier.territory().structureId());
        sessions.cancelSession(atelier.sessionId());
        kit.awaitEvents();
        assertThat(sms(withMobile)).endsWith("ATELIER_SESSION_CANCELLED");
        assertThat(calls(withLandline, "DUE")).containsExactly("CANCELLATION");
    }

    @Test
    void a_seat_freed_the_day_before_is_offered_by_text_message_or_by_a_call_before_it_lapses() {
        TestAtelier atelier = ateliers.create("Place libérée", 1);
        var first = (PlaceResult.Confirmed<Seats, Void>) registrations.register(RegistrationRequest.simple(
                atelier.sessionId(), "Anne", "Martin", "anne@" + NotificationTestKit.newSubjectId() + ".example.org",
                null, AtelierFixtures.web()));
        String mobile = AppointmentFixtures.uniquePhone();
        long marcel = ((PlaceResult.Waitlisted<Seats, Void>) registrations.register(RegistrationRequest.simple(
                atelier.sessionId(), "Marcel", "Martin", null, mobile, AtelierFixtures.web()))).id();
        kit.awaitEvents();

        // Sunday 18:00, the session is Monday 14:00: the freed seat is held for Marcel three hours, by text message.
        clock.setParis(2026, 12, 6, 18, 0);
        registrations.cancelByToken(first.managementToken());
        kit.awaitEvents();
        assertThat(sms(marcel)).endsWith("ATELIER_SEAT_OFFERED");
        kit.dispatcher(provider.channel(), new TestLinkIssuer(), 100).runOnce();
        String offer = provider.requestsFor(AppointmentFixtures.e164(mobile)).stream().map(r -> r.getBodyAsString())
                .filter(b -> b.contains("Gardée jusqu")).findFirst().orElseThrow();
        assertThat(offer).contains("Une place s'est libérée pour vous : atelier \\\"Découvrir sa tablette Place libérée\\\","
                + " lundi 7 décembre à 14 h 00", "Gardée jusqu'au dimanche 6 décembre à 21 h 00");
        String token = offer.replaceAll("(?s).*" + java.util.regex.Pattern.quote(kit.publicUrl())
                + "/inscription/([A-Za-z0-9_-]+)/presence.*", "$1");
        assertThat(registrations.findByToken(token)).as("the text links to the « Je viens » page of the right person")
                .get().satisfies(m -> assertThat(m.registrationId()).isEqualTo(marcel));

        // No answer by 21:00: the seat goes on, and the text says so (nobody « cancelled » anything).
        clock.setParis(2026, 12, 6, 21, 0);
        offerJob.runOnce();
        kit.awaitEvents();
        assertThat(sms(marcel)).endsWith("ATELIER_SEAT_OFFERED", "ATELIER_REGISTRATION_CANCELLED");
        kit.dispatcher(provider.channel(), new TestLinkIssuer(), 100).runOnce();
        assertThat(provider.requestsFor(AppointmentFixtures.e164(mobile))).last().satisfies(r -> assertThat(
                r.getBodyAsString()).contains("sans réponse à temps, la place est allée à la personne suivante")
                .doesNotContain("annulé"));

        // With a landline, the staff call before the offer lapses.
        clock.setParis(2026, 11, 30, 9, 0);
        TestAtelier other = ateliers.create("Place libérée fixe", 1);
        var seat = (PlaceResult.Confirmed<Seats, Void>) registrations.register(RegistrationRequest.simple(
                other.sessionId(), "Anne", "Martin", "anne@" + NotificationTestKit.newSubjectId() + ".example.org",
                null, AtelierFixtures.web()));
        long odette = ((PlaceResult.Waitlisted<Seats, Void>) registrations.register(RegistrationRequest.simple(
                other.sessionId(), "Odette", "Martin", null, landline(), AtelierFixtures.web()))).id();
        kit.awaitEvents();
        clock.setParis(2026, 12, 6, 18, 0);
        registrations.cancelByToken(seat.managementToken());
        kit.awaitEvents();
        assertThat(calls(odette, "DUE")).containsExactly("SEAT_OFFER");
        StaffLogin.advisor(other.territory().structureId(), other.territory().advisorId());
        assertThat(callList.list(null, true)).filteredOn(call -> call.reason() == CallReason.SEAT_OFFER).singleElement()
                .satisfies(call -> {
                    assertThat(call.what()).startsWith("Proposer la place libérée à l’atelier « Découvrir sa tablette"
                            + " Place libérée fixe » : lundi 7 décembre à 14 h 00").contains("Gardée jusqu’au dimanche"
                            + " 6 décembre à 21 h 00");
                    assertThat(call.dueBy()).isEqualTo(paris(2026, 12, 6, 21, 0));
                });
    }

    private static java.time.Instant paris(int year, int month, int day, int hour, int minute) {
        return java.time.ZonedDateTime.of(year, month, day, hour, minute, 0, 0, fr.rdvnumerique.base.time.ParisTime.ZONE)
                .toInstant();
    }
}
