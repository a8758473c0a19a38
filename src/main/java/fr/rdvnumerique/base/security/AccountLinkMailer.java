package fr.rdvnumerique.base.security;

import fr.rdvnumerique.base.db.UtcColumns;
import fr.rdvnumerique.base.web.PublicUrls;
import fr.rdvnumerique.base.web.SecretTokens;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the one-time password links that {@link StaffPasswordLinks} asked for. The token is minted here, as the
 * mail leaves, and only its hash is kept: no working link is ever stored unsent. A mail the server refuses is tried
 * again later with a new token (the failed one's hash is dropped), up to {@value #MAX_ATTEMPTS} times.
 *
 * <p>Not the residents' outbox: these mails belong to no structure (an administrator's account has none) and must
 * not show on any « Envois » screen. Two instances sending together are kept apart by claiming each row first.
 */
@Component
class AccountLinkMailer {

    private static final Logger log = LoggerFactory.getLogger(AccountLinkMailer.class);
    static final int MAX_ATTEMPTS = 10;
    private static final int BATCH = 20;
    /** How long a claimed row is left to its sender before another instance may try it. */
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> configuredSender;
    private final MessageSource messages;
    private final PublicUrls urls;
    private final Clock clock;
    private final String from;
    private final boolean enabled;

    AccountLinkMailer(JdbcClient jdbc, ObjectProvider<JavaMailSender> configuredSender, MessageSource messages,
                      PublicUrls urls, Clock clock, @Value("${rdv.mail.from}") String from,
                      @Value("${rdv.security.link-mails-enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.configuredSender = configuredSender;
        this.messages = messages;
        this.urls = urls;
        this.clock = clock;
        this.from = from;
        this.enabled = enabled;
    }

    @Scheduled(initialDelayString = "PT20S", fixedDelayString = "${rdv.security.link-mails-every:PT15S}")
    void scheduled() {
        JavaMailSender sender = configuredSender.getIfAvailable();
        if (enabled && sender != null) {
            sendDue(sender);
        }
    }

    /** Sends the links that are due; returns how many left. */
    int sendDue(JavaMailSender sender) {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                        select l.id, l.purpose, l.attempts, l.next_attempt_at, a.email, a.display_name
                        from staff_account_link l join staff_account a on a.id = l.account_id
                        where l.closed_at is null and l.sent_at is null and l.next_attempt_at <= :now and a.active = true
                        order by l.id limit :batch""")
                .param("now", UtcColumns.toDb(now)).param("batch", BATCH)
                .query((rs, n) -> new Due(rs.getLong(1), AccountLinkPurpose.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getObject(4, LocalDateTime.class), rs.getString(5), rs.getString(6)))
                .list();
        int sent = 0;
        for (Due link : due) {
            if (claim(link, now) && send(sender, link)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean claim(Due link, Instant now) {
        return jdbc.sql("""
                        update staff_account_link set next_attempt_at = :later
                        where id = :id and sent_at is null and closed_at is null and next_attempt_at = :seen""")
                .param("later", UtcColumns.toDb(now.plus(CLAIM))).param("id", link.id()).param("seen", link.nextAttempt())
                .update() == 1;
    }

    private boolean send(JavaMailSender sender, Due link) {
        String token = SecretTokens.generate();
        jdbc.sql("update staff_account_link set token_hash = :hash where id = :id")
                .param("hash", SecretTokens.hash(token)).param("id", link.id()).update();
        try {
            sender.send(mime -> compose(new MimeMessageHelper(mime, false, "UTF-8"), link, token));
        } catch (MailException e) {
            failed(link, e);
            return false;
        }
        Instant sentAt = clock.instant();
        jdbc.sql("""
                        update staff_account_link set sent_at = :sent, expires_at = :expires, attempts = attempts + 1,
                        last_error = null where id = :id""")
                .param("sent", UtcColumns.toDb(sentAt))
                .param("expires", UtcColumns.toDb(sentAt.plus(link.purpose().validity())))
                .param("id", link.id()).update();
        return true;
    }

    private void failed(Due link, MailException e) {
        int attempts = link.attempts() + 1;
        Instant now = clock.instant();
        // Waits of 1, 2, 4… minutes, at most an hour: a mail server's outage is usually short.
        Duration wait = Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts - 1, 6)));
        boolean givenUp = attempts >= MAX_ATTEMPTS;
        jdbc.sql("""
                        update staff_account_link set token_hash = null, attempts = :attempts, last_error = :error,
                        next_attempt_at = :next, closed_at = :closed, closed_reason = :reason where id = :id""")
                .param("attempts", attempts).param("error", cut(e.getClass().getSimpleName() + ": " + e.getMessage()))
                .param("next", UtcColumns.toDb(now.plus(wait)))
                .param("closed", givenUp ? UtcColumns.toDb(now) : null).param("reason", givenUp ? "UNDELIVERED" : null)
                .param("id", link.id()).update();
        // The account's number only: the address stays out of the log.
        log.warn("Password link {} for staff account could not be sent (attempt {}): {}", link.id(), attempts,
                e.getClass().getSimpleName());
    }

    private void compose(MimeMessageHelper mail, Due link, String token) throws MessagingException {
        boolean invitation = link.purpose() == AccountLinkPurpose.INVITATION;
        String url = urls.of(PasswordLinkPaths.choose(token));
        try {
            mail.setFrom(new InternetAddress(from));
            mail.setTo(new InternetAddress(link.email(), link.displayName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8", e);
        }
        mail.setSubject(text(invitation ? "staff.link.mail.invitation.subject" : "staff.link.mail.reset.subject"));
        mail.setText(text(invitation ? "staff.link.mail.invitation.body" : "staff.link.mail.reset.body",
                link.displayName(), link.email(), url));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Locale.FRENCH);
    }

    private static String cut(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    private record Due(long id, AccountLinkPurpose purpose, int attempts, LocalDateTime nextAttempt, String email,
                       String displayName) {
    }
}
