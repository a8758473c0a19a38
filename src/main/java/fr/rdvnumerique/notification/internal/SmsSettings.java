package fr.rdvnumerique.notification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The text-message provider (Brevo's transactional SMS API, see ADR 010), {@code rdv.sms.*}, set by the environment
 * variables {@code RDV_SMS_API_KEY} and {@code RDV_SMS_SENDER}. Without a key and a sender the channel is off:
 * no text message is written, phone-only residents go to the staff's « À appeler » list.
 *
 * @param baseUrl  the provider's API root (tests and the benchmark point it at a local stand-in)
 * @param apiKey   the account's API key (header {@code api-key})
 * @param sender   the sender name shown on the phone: 3 to 11 letters or digits, e.g. {@code RDVNumerique}
 * @param timeout  connection and answer time limit per message; past it the message is tried again later
 * @param parallel requests in flight at once (the API takes one message per request)
 */
@ConfigurationProperties("rdv.sms")
public record SmsSettings(
        @DefaultValue("https://api.brevo.com") String baseUrl,
        String apiKey,
        String sender,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("16") int parallel) {

    public SmsSettings {
        baseUrl = baseUrl == null ? "https://api.brevo.com" : baseUrl.strip().replaceAll("/+$", "");
        apiKey = blankToNull(apiKey);
        sender = blankToNull(sender);
        if (sender != null && !sender.matches("[A-Za-z0-9]{3,11}|[0-9]{3,15}")) {
            throw new IllegalArgumentException("rdv.sms.sender: 3 to 11 letters or digits (or up to 15 digits)");
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("rdv.sms.parallel >= 1");
        }
    }

    /** A key and a sender are set: text messages are written and sent. */
    public boolean enabled() {
        return apiKey != null && sender != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
