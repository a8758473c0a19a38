package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.appointment.AppointmentFixtures;
import fr.rdvnumerique.base.security.StaffLogin;
import fr.rdvnumerique.notification.domain.StaffNote;
import fr.rdvnumerique.notification.domain.StaffNote.Code;
import fr.rdvnumerique.notification.internal.CallReason;
import fr.rdvnumerique.notification.internal.DeliveryStatus;
import fr.rdvnumerique.notification.internal.MessageKind;
import fr.rdvnumerique.notification.internal.Outbox;
import fr.rdvnumerique.notification.internal.OutboxService;
import fr.rdvnumerique.notification.internal.ShortNotice;
import fr.rdvnumerique.notification.internal.SubjectRef;
import fr.rdvnumerique.notification.mail.Dispatcher;
import fr.rdvnumerique.notification.mail.ManagementLinkIssuer;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Text messages through the outbox to a local stand-in of Brevo's API, speaking its documented requests and
 * answers: what the request carries, an invalid number failing for good and shown on the « Envois » screen, errors
 * and timeouts tried again with the backoff, nothing lost while the provider is down, nothing sent twice.
 */
@IntegrationTest
class SmsDeliveryTest {

    @Autowired TerritoryFixtures territories;
    @Autowired Outbox outbox;
    @Autowired OutboxService outboxScreen;
    @Autowired NotificationTestKit kit;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    SmsProvider provider;
    TestLinkIssuer issuer;
    Dispatcher dispatcher;
    TestTerritory territory;
    final List<String> phones = new ArrayList<>();

    @BeforeEach
    void setUp() {
        clock.setParis(2026, 11, 30, 10, 0);
        provider = new SmsProvider();
        issuer = new TestLinkIssuer();
        dispatcher = kit.dispatcher(provider.channel(), issuer, 100);
        territory = territories.create("SMS");
    }

    @AfterEach
    void tearDown() {
        jdbc.update("update outbound_message set status = 'FAILED' where channel = 'SMS' and status in ('PENDING', 'SENDING')");
        provider.close();
        clock.reset();
        StaffLogin.signOut();
    }

    private String phone() {
        String e164 = AppointmentFixtures.e164(AppointmentFixtures.uniquePhone());
        phones.add(e164);
        return e164;
    }

    private long enqueue(String phone) {
        long subjectId = NotificationTestKit.newSubjectId();
        var notice = new ShortNotice(MessageKind.ATELIER_REGISTRATION_CONFIRMED, territory.structureId(), null,
                SubjectRef.of(TestLinkIssuer.SUBJECT_TYPE, subjectId), 0,
                "Inscription confirmée : atelier « Découvrir sa tablette », lundi 7 décembre à 14 h 00, Médiathèque. "
                        + "Détails ou annulation : " + ManagementLinkIssuer.PLACEHOLDER,
                CallReason.CONFIRMATION, "Confirmer", Instant.now().plus(Duration.ofDays(7)), "");
        assertThat(outbox.enqueueSms(notice, phone, "Jeanne Dupont")).isTrue();
        assertThat(outbox.enqueueSms(notice, phone, "Jeanne Dupont")).as("the same message once").isFalse();
        return subjectId;
    }

    private String status(String phone) {
        return jdbc.queryForObject("select status from outbound_message where channel = 'SMS' and recipient = ?",
                String.class, phone);
    }

    private StaffNote lastError(String phone) {
        return StaffNote.parse(jdbc.queryForObject(
                "select last_error from outbound_message where channel = 'SMS' and recipient = ?", String.class, phone));
    }

    @Test
    void a_text_message_leaves_as_the_provider_documents_it_with_its_private_link() {
        String phone = phone();
        long subjectId = enqueue(phone);
        dispatcher.runOnce();

        assertThat(status(phone)).isEqualTo("SENT");
        var requests = provider.requestsFor(phone);
        assertThat(requests).hasSize(1);
        var request = requests.getFirst();
        assertThat(request.getHeader("api-key")).isEqualTo(SmsProvider.API_KEY);
        assertThat(request.getHeader("content-type")).startsWith("application/json");
        String body = request.getBodyAsString();
        assertThat(body).contains("\"sender\":\"RDVNumeriq\"", "\"recipient\":\"" + phone.substring(1) + "\"",
                "\"type\":\"transactional\"", "\"unicodeEnabled\":false");
        String token = issuer.tokensOf(subjectId).getFirst();
        assertThat(body).as("GSM 7-bit text, the link minted at send time")
                .contains("Inscription confirmée : atelier \\\"Découvrir sa tablette\\\", lundi 7 décembre à 14 h 00")
                .contains(kit.publicUrl() + TestLinkIssuer.PATH + token)
                .doesNotContain(ManagementLinkIssuer.PLACEHOLDER);
    }

    @Test
    void an_invalid_number_fails_for_good_and_staff_see_it_on_the_outbox_screen() {
        String phone = phone();
        provider.refuse(phone);
        enqueue(phone);
        dispatcher.runOnce();

        assertThat(status(phone)).as(String.valueOf(lastError(phone))).isEqualTo("FAILED");
        assertThat(lastError(phone).code()).isEqualTo(Code.SMS_REFUSED);
        assertThat(lastError(phone).arguments()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("HTTP 400").contains("invalid_parameter");
        clock.advance(Duration.ofDays(1));
        dispatcher.runOnce();
        assertThat(provider.requestsFor(phone)).as("not tried again").hasSize(1);

        StaffLogin.coordinator(territory.structureId());
        var row = outboxScreen.list(DeliveryStatus.FAILED, Pageable.ofSize(50)).getContent().stream()
                .filter(r -> r.recipient().equals(phone)).findFirst().orElseThrow();
        assertThat(row.channel()).isEqualTo("SMS");
        assertThat(row.subject()).as("the text without its link, made at send time").endsWith("annulation : (lien privé)");
        assertThat(row.lastError().code()).isEqualTo(Code.SMS_REFUSED);
    }

    @Test
    void server_errors_and_timeouts_are_tried_again_with_the_backoff_and_sent_once() {
        String failing = phone();
        String slow = phone();
        String fine = phone();
        provider.fail(failing, 503);
        provider.slow(slow, Duration.ofSeconds(8));
        enqueue(failing);
        enqueue(slow);
        enqueue(fine);

        dispatcher.runOnce();
        assertThat(status(fine)).isEqualTo("SENT");
        assertThat(status(failing)).isEqualTo("PENDING");
        assertThat(lastError(failing).code()).isEqualTo(Code.SMS_PROVIDER_DOWN);
        assertThat(lastError(failing).arguments()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("HTTP 503");
        assertThat(status(slow)).isEqualTo("PENDING");
        assertThat(lastError(slow)).isEqualTo(StaffNote.of(Code.SMS_PROVIDER_TIMEOUT));

        dispatcher.runOnce();
        assertThat(provider.requestsFor(failing)).as("not before the backoff's first wait").hasSize(1);

        provider.reset();
        clock.advance(Duration.ofMinutes(2));
        dispatcher.runOnce();
        assertThat(status(failing)).isEqualTo("SENT");
        assertThat(status(slow)).isEqualTo("SENT");
        assertThat(provider.requestsFor(fine)).as("a sent message is not sent again").isEmpty();
        assertThat(provider.requestsFor(failing)).hasSize(1);
        assertThat(jdbc.queryForObject("select attempts from outbound_message where recipient = ?", Integer.class,
                failing)).isEqualTo(2);
    }

    @Test
    void nothing_is_lost_while_the_provider_is_down_and_nothing_leaves_twice() {
        var mine = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            mine.add(phone());
            enqueue(mine.getLast());
        }
        provider.stop();
        dispatcher.runOnce();
        mine.forEach(p -> assertThat(status(p)).isEqualTo("PENDING"));
        assertThat(lastError(mine.getFirst())).isEqualTo(StaffNote.of(Code.SMS_PROVIDER_UNREACHABLE));

        provider.start();
        provider.reset();
        clock.advance(Duration.ofMinutes(2));
        dispatcher.runOnce();
        dispatcher.runOnce();
        for (String p : mine) {
            assertThat(status(p)).isEqualTo("SENT");
            assertThat(provider.requestsFor(p)).as("once").hasSize(1);
        }
    }
}
