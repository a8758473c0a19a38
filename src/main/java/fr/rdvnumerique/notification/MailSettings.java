package fr.rdvnumerique.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sender of every mail (env {@code RDV_MAIL_FROM}): also the calendar ORGANIZER, and the domain of the
 * deterministic Message-IDs.
 *
 * @param from e.g. {@code RDV Numérique <ne-pas-repondre@rdv.example.org>}
 */
@ConfigurationProperties("rdv.mail")
public record MailSettings(@DefaultValue("RDV Numérique <ne-pas-repondre@rdv-numerique.localhost>") String from) {

    public MailSettings {
        address(from);
    }

    /** The parsed sender, its display name in UTF-8. */
    public InternetAddress fromAddress() {
        return address(from);
    }

    public String fromEmail() {
        return fromAddress().getAddress();
    }

    public String fromName() {
        String personal = fromAddress().getPersonal();
        return personal == null ? "RDV Numérique" : personal;
    }

    /** The domain of the sender's address: Message-IDs end with it. */
    public String domain() {
        String email = fromEmail();
        return email.substring(email.indexOf('@') + 1);
    }

    private static InternetAddress address(String value) {
        try {
            var parsed = new InternetAddress(value, true);
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("rdv.mail.from is not a mail address: " + value, e);
        }
    }
}
