package fr.rdvnumerique.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdvnumerique.notification.domain.IcsLines;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * A mail as the person's mail program sees it, taken apart: subject, plain text, HTML, and the calendar (inline
 * part and attachment, which must be the same).
 */
public record ReceivedMail(MimeMessage message, String subject, String text, String html, String ics,
                           String calendarContentType) {

    public static ReceivedMail of(MimeMessage message) {
        try {
            Multipart alternative;
            String ics = null;
            String calendarType = null;
            if (message.getContentType().startsWith("multipart/mixed")) {
                var mixed = (Multipart) message.getContent();
                alternative = (Multipart) mixed.getBodyPart(0).getContent();
                Part attachment = mixed.getBodyPart(1);
                assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
                assertThat(attachment.getFileName()).isEqualTo("invitation.ics");
                ics = read(alternative.getBodyPart(2));
                calendarType = alternative.getBodyPart(2).getContentType();
                assertThat(read(attachment)).as("the attachment is the inline calendar").isEqualTo(ics);
                // The octets as they left: CRLF, 75 octets, no character cut by folding.
                IcsLines.assertRfc5545Lines(ics);
            } else {
                assertThat(message.getContentType()).startsWith("multipart/alternative");
                alternative = (Multipart) message.getContent();
                assertThat(alternative.getCount()).isEqualTo(2);
            }
            assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
            assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
            String text = ((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n");
            String html = (String) alternative.getBodyPart(1).getContent();
            return new ReceivedMail(message, message.getSubject(), text, html, ics, calendarType);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Part part) throws Exception {
        var out = new ByteArrayOutputStream();
        part.getInputStream().transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Keeps the mail for people to look at ({@code target/mail-samples/<name>.txt|html|ics}). */
    public ReceivedMail keep(String name) {
        try {
            var samples = java.nio.file.Path.of("target", "mail-samples");
            java.nio.file.Files.createDirectories(samples);
            java.nio.file.Files.writeString(samples.resolve(name + ".txt"), subject + "\n\n" + text);
            java.nio.file.Files.writeString(samples.resolve(name + ".html"), html);
            if (ics != null) {
                java.nio.file.Files.writeString(samples.resolve(name + ".ics"), ics);
            }
            return this;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The private link of the mail (text part), e.g. {@code http://localhost:8080/rendez-vous/<token>}. */
    public String link(String publicUrl, String pathPrefix) {
        var matcher = Pattern.compile(Pattern.quote(publicUrl + "/" + pathPrefix) + "([A-Za-z0-9_-]{43})").matcher(text);
        assertThat(matcher.find()).as("a private link " + pathPrefix + " in:\n" + text).isTrue();
        return matcher.group();
    }

    /** The token of the private link. */
    public String token(String publicUrl, String pathPrefix) {
        String link = link(publicUrl, pathPrefix);
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** The calendar, parsed back and validated by iCal4j. */
    public Calendar calendar() {
        assertThat(ics).as("a calendar in " + subject).isNotNull();
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            assertThat(calendar.validate().hasErrors()).as(ics).isFalse();
            return calendar;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public VEvent event() {
        return calendar().<VEvent>getComponents("VEVENT").getFirst();
    }

    public String method() {
        return calendar().getProperty("METHOD").orElseThrow().getValue();
    }

    public String uid() {
        return event().getUid().orElseThrow().getValue();
    }

    public int sequence() {
        return event().getSequence().getSequenceNo();
    }
}
