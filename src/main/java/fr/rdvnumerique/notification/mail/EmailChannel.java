package fr.rdvnumerique.notification.mail;

import fr.rdvnumerique.base.ops.Causes;
import fr.rdvnumerique.notification.domain.StaffNote;
import fr.rdvnumerique.notification.domain.StaffNote.Code;
import fr.rdvnumerique.notification.internal.DeliveryResult;
import fr.rdvnumerique.notification.internal.MailSettings;
import fr.rdvnumerique.notification.internal.NotificationChannel;
import fr.rdvnumerique.notification.internal.OutgoingMessage;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * E-mail through Spring's {@link JavaMailSender}: one SMTP connection per batch. With an invitation the
 * message is {@code multipart/mixed} of a {@code multipart/alternative} (plain text, HTML, and
 * {@code text/calendar; method=…}) and an {@code invitation.ics} attachment, the layout calendar services use
 * themselves; without one, just the {@code multipart/alternative} of text and HTML.
 */
public class EmailChannel implements NotificationChannel {

    public static final String NAME = "EMAIL";

    static final String ATTACHMENT_NAME = "invitation.ics";
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail looks its stream provider up for every body part, subject and message it writes: through a
        // ServiceLoader over the whole class path unless this property names it (4 % of a busy server's CPU).
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSender sender;
    private final MailSettings settings;
    private final Clock clock;

    public EmailChannel(JavaMailSender sender, MailSettings settings, Clock clock) {
        if (sender instanceof JavaMailSenderImpl impl) {
            noDelay(impl);
        }
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Plain SMTP (and STARTTLS, which wraps the same socket) with TCP_NODELAY, unless a socket factory was
     * configured already. Done before the sender makes its session (setting the properties resets it).
     */
    static void noDelay(JavaMailSenderImpl sender) {
        var properties = new java.util.Properties();
        properties.putAll(sender.getJavaMailProperties());
        if (!properties.containsKey("mail.smtp.socketFactory") && !properties.containsKey("mail.smtp.socketFactory.class")) {
            properties.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
            sender.setJavaMailProperties(properties);
        }
    }

    /** A connection test (connect, then QUIT) when the sender can do one. */
    @Override
    public Optional<StaffNote> unavailable() {
        if (sender instanceof JavaMailSenderImpl impl) {
            try {
                impl.testConnection();
            } catch (MessagingException | RuntimeException e) {
                return Optional.of(describe(e));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<DeliveryResult> deliver(List<OutgoingMessage> batch) {
        return deliver(batch, result -> { });
    }

    /**
     * Over one SMTP connection, message by message: each result is told as soon as the server answered, so the
     * outbox records a mail as sent before the next one leaves (a sender killed in the middle leaves at most the
     * mail in flight to be sent again, ADR 021). A sender other than Spring's own sends the batch at once.
     */
    @Override
    public List<DeliveryResult> deliver(List<OutgoingMessage> batch, Consumer<DeliveryResult> each) {
        var results = new ArrayList<DeliveryResult>();
        var built = new IdentityHashMap<MimeMessage, OutgoingMessage>();
        var toSend = new ArrayList<MimeMessage>();
        for (OutgoingMessage message : batch) {
            try {
                MimeMessage mime = build(message);
                built.put(mime, message);
                toSend.add(mime);
            } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                // The message itself is wrong (e.g. an address the mail library refuses): no retry helps.
                tell(results, each, DeliveryResult.failed(message.id(),
                        StaffNote.of(Code.MAIL_INVALID, String.valueOf(e.getMessage())), true));
            }
        }
        if (toSend.isEmpty()) {
            return results;
        }
        if (sender instanceof JavaMailSenderImpl impl) {
            sendOneByOne(impl, toSend, built, results, each);
            return results;
        }
        Map<Object, Exception> failures = Map.of();
        RuntimeException whole = null;
        try {
            sender.send(toSend.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failures = e.getFailedMessages();
            if (failures.isEmpty()) {
                whole = e;
            }
        } catch (MailException | IllegalStateException e) {
            whole = e;
        }
        for (MimeMessage mime : toSend) {
            long id = built.get(mime).id();
            Exception failure = whole != null ? whole : failures.get(mime);
            tell(results, each, failure == null ? DeliveryResult.delivered(id)
                    : DeliveryResult.failed(id, describe(failure), isPermanent(failure)));
        }
        return results;
    }

    /**
     * What {@link JavaMailSenderImpl#send(MimeMessage...)} does (one connection, the Message-ID kept across
     * {@code saveChanges()}, a new connection if the server dropped it), with each result told at once. When no
     * connection can be made, that message and the rest fail with the reason.
     */
    private static void sendOneByOne(JavaMailSenderImpl impl, List<MimeMessage> toSend,
                                     Map<MimeMessage, OutgoingMessage> built, List<DeliveryResult> results,
                                     Consumer<DeliveryResult> each) {
        Transport transport = null;
        try {
            for (int i = 0; i < toSend.size(); i++) {
                MimeMessage mime = toSend.get(i);
                long id = built.get(mime).id();
                if (transport == null || !transport.isConnected()) {
                    close(transport);
                    try {
                        transport = connect(impl);
                    } catch (MessagingException | RuntimeException e) {
                        transport = null;
                        for (MimeMessage rest : toSend.subList(i, toSend.size())) {
                            tell(results, each, DeliveryResult.failed(built.get(rest).id(), describe(e), false));
                        }
                        return;
                    }
                }
                DeliveryResult result;
                try {
                    String messageId = mime.getMessageID();
                    mime.saveChanges();
                    if (messageId != null) {
                        mime.setHeader("Message-ID", messageId);
                    }
                    transport.sendMessage(mime, mime.getAllRecipients());
                    result = DeliveryResult.delivered(id);
                } catch (MessagingException | RuntimeException e) {
                    result = DeliveryResult.failed(id, describe(e), isPermanent(e));
                }
                tell(results, each, result);
            }
        } finally {
            close(transport);
        }
    }

    private static Transport connect(JavaMailSenderImpl impl) throws MessagingException {
        Session session = impl.getSession();
        String protocol = impl.getProtocol() != null ? impl.getProtocol()
                : session.getProperty("mail.transport.protocol");
        Transport transport = session.getTransport(protocol != null ? protocol : "smtp");
        String username = impl.getUsername();
        String password = impl.getPassword();
        if ("".equals(username)) {
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        transport.connect(impl.getHost(), impl.getPort(), username, password);
        return transport;
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException ignored) {
                // Every message's result is known already.
            }
        }
    }

    private static void tell(List<DeliveryResult> results, Consumer<DeliveryResult> each, DeliveryResult result) {
        results.add(result);
        each.accept(result);
    }

    /** The MIME message of an outgoing mail. */
    public MimeMessage build(OutgoingMessage m) throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = sender.createMimeMessage();
        mime.setFrom(settings.fromAddress());
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(m.recipient(), m.recipientName(), "UTF-8"));
        if (m.replyTo() != null) {
            mime.setReplyTo(new InternetAddress[] {new InternetAddress(m.replyTo())});
        }
        mime.setSubject(m.subject(), "UTF-8");
        mime.setSentDate(Date.from(clock.instant()));
        // Kept by JavaMailSenderImpl across saveChanges(): the same message always has the same id.
        mime.setHeader("Message-ID", m.messageId());
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.setHeader("Content-Language", "fr");

        var alternative = new MimeMultipart("alternative");
        var text = new MimeBodyPart();
        text.setText(m.text(), "UTF-8", "plain");
        alternative.addBodyPart(text);
        var html = new MimeBodyPart();
        html.setText(m.html(), "UTF-8", "html");
        alternative.addBodyPart(html);
        if (m.ics() == null) {
            mime.setContent(alternative);
            return mime;
        }
        byte[] ics = m.ics().getBytes(StandardCharsets.UTF_8);
        var calendar = new MimeBodyPart();
        calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(ics,
                "text/calendar; charset=UTF-8; method=" + m.icsMethod().name())));
        calendar.setHeader("Content-Transfer-Encoding", "base64");
        alternative.addBodyPart(calendar);

        var body = new MimeBodyPart();
        body.setContent(alternative);
        var attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(ics, "application/ics; name=\"" + ATTACHMENT_NAME + "\"")));
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        attachment.setFileName(ATTACHMENT_NAME);
        attachment.setHeader("Content-Transfer-Encoding", "base64");
        var mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(attachment);
        mime.setContent(mixed);
        return mime;
    }

    /** A short reason for the outbox screen, never a stack trace. */
    static StaffNote describe(Throwable error) {
        var unreachable = Causes.find(error, Exception.class, cause -> cause instanceof ConnectException
                || cause instanceof UnknownHostException || cause instanceof SocketTimeoutException);
        if (unreachable.isPresent()) {
            return StaffNote.of(Code.MAIL_SERVER_UNREACHABLE, String.valueOf(unreachable.get().getMessage()));
        }
        var refused = refusedAddress(error);
        if (refused.isPresent()) {
            return StaffNote.of(Code.MAIL_ADDRESS_REFUSED, String.valueOf(refused.get().getMessage()));
        }
        Throwable root = Causes.root(error);
        return StaffNote.of(Code.MAIL_REFUSED, root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()));
    }

    static boolean isPermanent(Throwable error) {
        return refusedAddress(error).isPresent();
    }

    private static Optional<SendFailedException> refusedAddress(Throwable error) {
        return Causes.find(error, SendFailedException.class,
                sent -> sent.getInvalidAddresses() != null && sent.getInvalidAddresses().length > 0);
    }
}
