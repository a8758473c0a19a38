package fr.rdvnumerique.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import fr.rdvnumerique.notification.internal.SmsSettings;
import fr.rdvnumerique.notification.sms.BrevoSmsChannel;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in of Brevo's transactional SMS API (WireMock on loopback), answering as Brevo documents:
 * {@code 201 {"messageId": …}} by default; {@link #refuse}, {@link #fail}, {@link #slow} for one number's answers.
 * Keeps its port across {@link #stop()} and {@link #start()}, so a channel keeps reaching it.
 */
public class SmsProvider implements AutoCloseable {

    public static final String PATH = "/v3/transactionalSMS/send";
    public static final String API_KEY = "cle-de-test";
    private static final AtomicLong IDS = new AtomicLong(1511882900176220L);

    private final WireMockServer server;
    private final int port;

    public SmsProvider() {
        this(WireMockConfiguration.options());
    }

    public SmsProvider(WireMockConfiguration options) {
        this.port = freePort();
        this.server = new WireMockServer(options.port(port).bindAddress("127.0.0.1"));
        server.start();
        accept();
    }

    /** Every message is taken: {@code 201 {"messageId": …}}. */
    public void accept() {
        server.stubFor(post(urlEqualTo(PATH)).atPriority(10).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messageId\":" + IDS.incrementAndGet() + "}")));
    }

    /** Brevo's answer to a number it cannot send to: {@code 400 invalid_parameter}. */
    public void refuse(String e164) {
        server.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.recipient", equalTo(e164.substring(1))))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"invalid_parameter\",\"message\":\"Invalid mobile number\"}")));
    }

    /** A server error for one number. */
    public void fail(String e164, int status) {
        server.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.recipient", equalTo(e164.substring(1))))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"internal_error\",\"message\":\"Service unavailable\"}")));
    }

    /** Answers one number after {@code delay} (longer than the channel's timeout: a timeout). */
    public void slow(String e164, Duration delay) {
        server.stubFor(post(urlEqualTo(PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.recipient", equalTo(e164.substring(1))))
                .willReturn(aResponse().withStatus(201).withFixedDelay((int) delay.toMillis())
                        .withBody("{\"messageId\":1}")));
    }

    /** Back to accepting every message. */
    public void reset() {
        server.resetAll();
        accept();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public SmsSettings settings(Duration timeout, int parallel) {
        return new SmsSettings(baseUrl(), API_KEY, "RDVNumeriq", timeout, parallel);
    }

    public BrevoSmsChannel channel() {
        return new BrevoSmsChannel(settings(Duration.ofSeconds(5), 8));
    }

    /** The requests that reached the provider for one number. */
    public List<LoggedRequest> requestsFor(String e164) {
        return server.findAll(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.recipient", equalTo(e164.substring(1)))));
    }

    public List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlEqualTo(PATH)));
    }

    public void stop() {
        server.stop();
    }

    public void start() {
        server.start();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
