package fr.rdvnumerique.notification.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sender of every mail (env {@code RDV_MAIL_FROM}): also the calendar ORGANIZER, and the domain of the
 * deterministic Message-IDs. Parsed once: every mail asks for it, and Jakarta Mail looks up its encoder through
 * the service loader each time it encodes a display name.
 */
@ConfigurationProperties("rdv.mail")
public final class MailSettings {

    private final String email;
    private final String name;
    private final InternetAddress address;

    /** @param from e.g. {@code RDV Numérique <ne-pas-repondre@rdv.example.org>} */
    public MailSettings(@DefaultValue("RDV Numérique <ne-pas-repondre@rdv-numerique.localhost>") String from) {
        try {
            var parsed = new InternetAddress(from, true);
            this.email = parsed.getAddress();
            this.name = parsed.getPersonal() == null ? "RDV Numérique" : parsed.getPersonal();
            this.address = new InternetAddress(email, parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("rdv.mail.from is not a mail address: " + from, e);
        }
    }

    /** The sender, its display name in UTF-8 (a copy: {@link InternetAddress} is mutable). */
    public InternetAddress fromAddress() {
        return (InternetAddress) address.clone();
    }

    public String fromEmail() {
        return email;
    }

    public String fromName() {
        return name;
    }

    /** The domain of the sender's address: Message-IDs end with it. */
    public String domain() {
        return email.substring(email.indexOf('@') + 1);
    }
}
