package fr.rdvnumerique.notification.sms;

import fr.rdvnumerique.notification.domain.StaffNote;
import fr.rdvnumerique.notification.domain.StaffNote.Code;
import fr.rdvnumerique.notification.internal.DeliveryResult;
import fr.rdvnumerique.notification.internal.NotificationChannel;
import fr.rdvnumerique.notification.internal.OutgoingMessage;
import fr.rdvnumerique.notification.internal.SmsSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text messages through Brevo's transactional SMS API: one {@code POST /v3/transactionalSMS/send} per message,
 * header {@code api-key}, JSON body {@code {"sender", "recipient", "content", "type": "transactional", "tag",
 * "unicodeEnabled": false}} with the number in international form without the plus sign. Brevo answers
 * {@code 201 {"messageId": …}} when it took the message, {@code 400 {"code", "message"}} when the request is wrong
 * (an invalid number: the message failed for good, shown on the « Envois » screen), and {@code 401}/{@code 402}
 * (key refused, no credits left), {@code 429} and {@code 5xx} for what may pass: those, like timeouts and refused
 * connections, are tried again with the outbox's backoff. Nothing about the person is logged here.
 *
 * <p>The messages of a chunk are sent {@code rdv.sms.parallel} at a time over one HTTP client.
 */
public class BrevoSmsChannel implements NotificationChannel, AutoCloseable {

    public static final String NAME = "SMS";
    static final String PATH = "/v3/transactionalSMS/send";
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final SmsSettings settings;
    private final ExecutorService executor;
    private final HttpClient http;
    private final URI endpoint;

    public BrevoSmsChannel(SmsSettings settings) {
        this.settings = settings;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .executor(executor)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.endpoint = URI.create(settings.baseUrl() + PATH);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<StaffNote> unavailable() {
        return settings.enabled() ? Optional.empty() : Optional.of(StaffNote.of(Code.SMS_NOT_CONFIGURED));
    }

    @Override
    public List<DeliveryResult> deliver(List<OutgoingMessage> batch) {
        var permits = new Semaphore(settings.parallel());
        var futures = new ArrayList<CompletableFuture<DeliveryResult>>();
        for (OutgoingMessage message : batch) {
            String recipient = message.recipient().startsWith("+") ? message.recipient().substring(1)
                    : message.recipient();
            if (!recipient.matches("[0-9]{6,15}")) {
                futures.add(CompletableFuture.completedFuture(
                        DeliveryResult.failed(message.id(), StaffNote.of(Code.SMS_INVALID_NUMBER), true)));
                continue;
            }
            permits.acquireUninterruptibly();
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(settings.timeout())
                    .header("accept", "application/json")
                    .header("content-type", "application/json")
                    .header("api-key", settings.apiKey() == null ? "" : settings.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString(body(message, recipient), StandardCharsets.UTF_8))
                    .build();
            futures.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .handle((response, error) -> {
                        permits.release();
                        return error == null ? outcome(message.id(), response.statusCode(), response.body())
                                : DeliveryResult.failed(message.id(), describe(error), false);
                    }));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    /** The request body, as Brevo documents it. The tag lets staff find the message in Brevo's logs. */
    String body(OutgoingMessage message, String recipient) {
        return "{\"sender\":\"" + json(settings.sender() == null ? "" : settings.sender())
                + "\",\"recipient\":\"" + recipient
                + "\",\"content\":\"" + json(message.text())
                + "\",\"type\":\"transactional\",\"tag\":\"rdv-" + message.id()
                + "\",\"unicodeEnabled\":" + !Gsm7.fits(message.text()) + "}";
    }

    /** What an answer of the provider means for the message. */
    static DeliveryResult outcome(long id, int status, String body) {
        if (status == 200 || status == 201 || status == 202) {
            return DeliveryResult.delivered(id);
        }
        String answer = "HTTP " + status + detail(body);
        if (status == 400) {
            // Brevo's "invalid_parameter": the number (or the text) is refused; sending it again changes nothing.
            return DeliveryResult.failed(id, StaffNote.of(Code.SMS_REFUSED, answer), true);
        }
        if (status == 401 || status == 403) {
            return DeliveryResult.failed(id, StaffNote.of(Code.SMS_KEY_REFUSED, answer), false);
        }
        if (status == 402) {
            return DeliveryResult.failed(id, StaffNote.of(Code.SMS_NO_CREDIT, answer), false);
        }
        if (status == 429) {
            return DeliveryResult.failed(id, StaffNote.of(Code.SMS_PROVIDER_BUSY, answer), false);
        }
        return DeliveryResult.failed(id, StaffNote.of(Code.SMS_PROVIDER_DOWN, answer), false);
    }

    private static String detail(String body) {
        if (body == null) {
            return "";
        }
        Matcher code = CODE.matcher(body);
        Matcher message = MESSAGE.matcher(body);
        String text = (code.find() ? code.group(1) : "") + (message.find() ? " " + message.group(1) : "");
        // The provider's words may quote the number: keep them short, digits hidden.
        text = text.replaceAll("[0-9]{4,}", "…").strip();
        return text.isEmpty() ? "" : " " + (text.length() > 200 ? text.substring(0, 200) : text);
    }

    static StaffNote describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return StaffNote.of(Code.SMS_PROVIDER_UNREACHABLE);
        }
        if (cause instanceof HttpTimeoutException) {
            return StaffNote.of(Code.SMS_PROVIDER_TIMEOUT);
        }
        if (cause instanceof IOException) {
            return StaffNote.of(Code.SMS_EXCHANGE_INTERRUPTED, cause.getClass().getSimpleName());
        }
        return StaffNote.of(Code.SMS_FAILED, cause.getClass().getSimpleName());
    }

    static String json(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        http.close();
        executor.close();
    }
}
