package org.careslot.notification.delivery;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SMS through an HTTP gateway ({@link SmsSettings}): one POST per message with the configured body template, HTTP
 * Basic credentials when a user is configured. 2xx is accepted; 408, 429, 5xx, timeouts and unreachable gateways are
 * transient (retried with the reminders' back-off); any other 4xx is permanent (the gateway will refuse it again).
 */
@Component
public class SmsChannel implements NotificationChannel {

    public static final String NAME = "SMS";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(to|text|id)}");

    private final SmsSettings settings;
    private final HttpClient http;

    public SmsChannel(SmsSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean available() {
        return settings.enabled();
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryException {
        if (!settings.enabled()) {
            throw DeliveryException.permanent("no SMS gateway is configured");
        }
        if (message.address() == null || message.address().isBlank()) {
            throw DeliveryException.permanent("no phone number known for the recipient");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url()))
                .timeout(settings.readTimeout())
                .header("Content-Type", settings.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(body(message), StandardCharsets.UTF_8));
        if (!settings.username().isEmpty()) {
            String credentials = settings.username() + ":" + settings.password();
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            // timeouts, refused or dropped connections; the exception text is not passed on (it may name the URL)
            throw DeliveryException.transientFailure("the SMS gateway could not be reached or did not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.transientFailure("interrupted while sending the SMS");
        }
        if (status >= 200 && status < 300) {
            return;
        }
        boolean transientStatus = status >= 500 || status == 408 || status == 429;
        String reason = "the SMS gateway answered HTTP " + status;
        throw transientStatus ? DeliveryException.transientFailure(reason) : DeliveryException.permanent(reason);
    }

    /** The template with its placeholders replaced in one pass (a value containing "{text}" stays as it is). */
    String body(OutgoingMessage message) {
        Matcher placeholders = PLACEHOLDER.matcher(settings.bodyTemplate());
        StringBuilder body = new StringBuilder();
        while (placeholders.find()) {
            String value = switch (placeholders.group(1)) {
                case "to" -> message.address();
                case "text" -> message.shortText();
                default -> message.messageId();
            };
            placeholders.appendReplacement(body, Matcher.quoteReplacement(escape(value)));
        }
        placeholders.appendTail(body);
        return body.toString();
    }

    private String escape(String value) {
        String type = settings.contentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
        if (type.contains("json")) {
            return jsonString(value);
        }
        return value;
    }

    /** The inside of a JSON string literal (RFC 8259: quote, backslash and control characters escaped). */
    static String jsonString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
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
}
