package org.careslot.platform.benchmark;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** JSON over HTTP/1.1 with the JDK client, as a frontend would talk to the gateway (and a tool to Keycloak). */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answer and how long it took, in microseconds. */
    record Answer(int status, String body, long micros, boolean connectionClosed) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        Answer expect(String what, int... statuses) {
            for (int status : statuses) {
                if (this.status == status) {
                    return this;
                }
            }
            throw new IllegalStateException(what + " answered " + status + ": "
                    + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    Answer get(String url, String token) throws IOException, InterruptedException {
        return send(builder(url, token).GET().build());
    }

    Answer postJson(String url, Object body, String token) throws IOException, InterruptedException {
        return send(builder(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    Answer putJson(String url, Object body, String token) throws IOException, InterruptedException {
        return send(builder(url, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    Answer postForm(String url, Map<String, String> form) throws IOException, InterruptedException {
        String encoded = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(builder(url, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build());
    }

    Answer send(HttpRequest request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - start) / 1000;
        boolean closed = response.headers().firstValue("Connection").map("close"::equalsIgnoreCase).orElse(false);
        return new Answer(response.statusCode(), response.body(), micros, closed);
    }

    static HttpRequest.Builder builder(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }
}
