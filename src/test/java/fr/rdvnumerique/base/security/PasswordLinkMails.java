package fr.rdvnumerique.base.security;

import fr.rdvnumerique.notification.MailServer;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Tests: sends the password links that are due to a real SMTP server and reads the link back from the mail. */
@Component
public class PasswordLinkMails {

    private static final Pattern LINK = Pattern.compile("/" + PasswordLinkPaths.CHOOSE + "/([A-Za-z0-9_-]{43})");

    private final AccountLinkMailer mailer;

    PasswordLinkMails(AccountLinkMailer mailer) {
        this.mailer = mailer;
    }

    public int sendDue(MailServer server) {
        return mailer.sendDue(server.sender());
    }

    /** The token of the last mail to this address. */
    public static String tokenFor(MailServer server, String email) {
        List<MimeMessage> mails = mailsTo(server, email);
        if (mails.isEmpty()) {
            throw new AssertionError("No mail to " + email);
        }
        var matcher = LINK.matcher(body(mails.getLast()));
        if (!matcher.find()) {
            throw new AssertionError("No password link in the mail to " + email);
        }
        return matcher.group(1);
    }

    public static List<MimeMessage> mailsTo(MailServer server, String email) {
        return server.received().stream().filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().contains(email);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static String body(MimeMessage mail) {
        try {
            return (String) mail.getContent(); // decoded: the raw body is quoted-printable, with soft line breaks
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
