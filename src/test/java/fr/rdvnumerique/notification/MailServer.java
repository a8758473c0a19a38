package fr.rdvnumerique.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server (GreenMail) on a loopback port chosen for the test, which can be stopped and started
 * again on the same port to play an outage; and a mail sender pointed at that port.
 */
public final class MailServer implements AutoCloseable {

    private final int port;
    private GreenMail greenMail;

    public MailServer() {
        this.port = freePort();
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MailServer start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return this;
    }

    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public int port() {
        return port;
    }

    /** A sender to this port, with short timeouts (nothing may listen there yet). */
    public JavaMailSenderImpl sender() {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        var properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "2000");
        properties.setProperty("mail.smtp.timeout", "5000");
        properties.setProperty("mail.smtp.writetimeout", "5000");
        sender.setJavaMailProperties(properties);
        return sender;
    }

    public List<MimeMessage> received() {
        return greenMail == null ? List.of() : Arrays.asList(greenMail.getReceivedMessages());
    }

    /** Messages received for addresses of a domain (tests share the database, so each uses its own domain). */
    public List<MimeMessage> receivedFor(String domain) {
        return greenMail == null ? List.of() : Arrays.asList(greenMail.getReceivedMessagesForDomain(domain));
    }

    public static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
