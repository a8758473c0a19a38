package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.notification.domain.IcsLines;
import fr.rdvnumerique.notification.domain.MessageIds;
import fr.rdvnumerique.notification.internal.MailRequest;
import fr.rdvnumerique.notification.internal.MailSettings;
import fr.rdvnumerique.notification.internal.Outbox;
import fr.rdvnumerique.notification.mail.ManagementLinkIssuer;
import fr.rdvnumerique.territory.TerritoryFixtures;
import fr.rdvnumerique.territory.TerritoryFixtures.TestTerritory;
import fr.rdvnumerique.testing.IntegrationTest;
import fr.rdvnumerique.testing.TestClock;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A confirmation built from the generic model, as the person receives it from a real SMTP server. */
@IntegrationTest
class MailContentTest {

    static final String DOMAIN = "contenu.example.org";

    @Autowired TerritoryFixtures fixtures;
    @Autowired Outbox outbox;
    @Autowired NotificationTestKit kit;
    @Autowired MailSettings mail;
    @Autowired TestClock clock;

    TestTerritory territory;
    MailServer server;
    TestLinkIssuer issuer = new TestLinkIssuer();

    @BeforeEach
    void setUp() {
        territory = fixtures.create("Courriel");
        server = new MailServer().start();
        clock.setParis(2026, 11, 20, 10, 0);
    }

    @AfterEach
    void tearDown() {
        kit.discard(DOMAIN);
        server.close();
        clock.reset();
    }

    @Test
    void a_confirmation_says_what_when_where_how_to_cancel_and_whom_to_call_and_carries_the_invitation() throws Exception {
        long subjectId = NotificationTestKit.newSubjectId();
        Instant start = ZonedDateTime.of(2026, 12, 1, 14, 0, 0, 0, fr.rdvnumerique.base.time.ParisTime.ZONE).toInstant();
        MailRequest request = NotificationTestKit.confirmation(territory, subjectId, "jeanne.dupont@" + DOMAIN, start);

        assertThat(outbox.enqueue(request)).isTrue();
        assertThat(outbox.enqueue(request)).as("the same event delivered twice").isFalse();
        kit.dispatcher(server, issuer).runOnce();

        assertThat(server.receivedFor(DOMAIN)).hasSize(1);
        MimeMessage received = server.receivedFor(DOMAIN).getFirst();
        assertThat(received.getSubject()).isEqualTo("Votre inscription est confirmée");
        assertThat(received.getMessageID()).isEqualTo(MessageIds.of(request.dedupKey(), mail.domain()));
        assertThat(received.getFrom()[0].toString()).contains("ne-pas-repondre@");
        assertThat(received.getReplyTo()[0].toString()).isEqualTo("contact@" + territory.slug() + ".example.org");
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        // multipart/mixed → [multipart/alternative → text, html, calendar] + invitation.ics
        assertThat(received.getContentType()).startsWith("multipart/mixed");
        var mixed = (Multipart) received.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        var alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getCount()).isEqualTo(3);
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(alternative.getBodyPart(2).getContentType()).startsWith("text/calendar").contains("method=REQUEST");
        Part attachment = mixed.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("invitation.ics");

        String token = issuer.tokensOf(subjectId).getLast();
        String link = kit.publicUrl() + TestLinkIssuer.PATH + token;
        String text = ((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n");
        String html = (String) alternative.getBodyPart(1).getContent();
        assertThat(text).contains("Votre place est réservée", "Bonjour Jeanne Dupont,",
                "Quand : mardi 1er décembre 2026, de 14 h 00 à 16 h 00",
                "Où : Médiathèque Courriel, 1 rue de la Paix, 54000 Commune Courriel",
                "Accès : Accès de plain-pied, sans marche.", "Transports : Bus 1",
                "- Votre tablette, chargée", link, "03 53 01 00 09")
                .doesNotContain(ManagementLinkIssuer.PLACEHOLDER, "??");
        assertThat(html).contains("<html lang=\"fr\"", "mardi 1er décembre 2026, de 14 h 00 à 16 h 00",
                "href=\"" + link + "\"", "href=\"tel:+33353010009\"", "Atelier « Découvrir sa tablette », premiers pas")
                .doesNotContain("<img", "{{", "??");

        String ics = read(alternative.getBodyPart(2).getInputStream());
        // Kept for people to look at (target/mail-samples/), like the browser journeys' screenshots.
        var samples = java.nio.file.Path.of("target", "mail-samples");
        java.nio.file.Files.createDirectories(samples);
        java.nio.file.Files.writeString(samples.resolve("confirmation.txt"), text);
        java.nio.file.Files.writeString(samples.resolve("confirmation.html"), html);
        java.nio.file.Files.writeString(samples.resolve("confirmation.ics"), ics);
        try (var eml = java.nio.file.Files.newOutputStream(samples.resolve("confirmation.eml"))) {
            received.writeTo(eml);
        }
        assertThat(read(attachment.getInputStream())).isEqualTo(ics);
        assertRfc5545Lines(ics);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().hasErrors()).isFalse();
        VEvent event = calendar.<VEvent>getComponents("VEVENT").getFirst();
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("test-booking-" + subjectId + "@localhost");
        assertThat(event.getSequence().getSequenceNo()).isZero();
        assertThat(event.getUrl().getValue()).isEqualTo(link);
        assertThat(event.getDescription().getValue()).contains(link, "Téléphone : 03 53 01 00 09");
        assertThat(event.getStartDate().orElseThrow().getValue()).isEqualTo("20261201T130000Z");
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue())
                .isEqualTo("mailto:contact@" + territory.slug() + ".example.org");
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getParameter("CN").orElseThrow().getValue())
                .startsWith("Structure Courriel");
        assertThat(text).contains("\n-- \n");
        assertThat(event.getProperty("ATTENDEE").orElseThrow().getParameter("CN").orElseThrow().getValue())
                .isEqualTo("Jeanne Dupont");
    }

    static void assertRfc5545Lines(String ics) {
        IcsLines.assertRfc5545Lines(ics);
    }

    static String read(InputStream in) throws Exception {
        var out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
