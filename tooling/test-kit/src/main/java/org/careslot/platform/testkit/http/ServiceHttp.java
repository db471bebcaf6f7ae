package org.careslot.platform.testkit.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real HTTP to a service (or the gateway) on localhost, as a client or the gateway would send it: the one test client
 * of every module. Bodies are JSON: a {@code String} is sent as it is, anything else is written by Jackson.
 */
public final class ServiceHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** A response, with the readings tests need of problem+json answers. */
    public record Answer(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The problem's {@code errors} member, or null. */
        public JsonNode errors() {
            return json().get("errors");
        }

        /** The members of a 400's {@code errors}: the fields or parameters it names, in order. */
        public List<String> errorFields() {
            JsonNode errors = errors();
            return errors == null ? List.of() : names(errors);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** A top-level member as text, or null when absent or JSON null. */
        public String text(String member) {
            JsonNode value = json().get(member);
            return value == null || value.isNull() ? null : value.asString();
        }
    }

    /** The member names of a JSON object, in order. */
    public static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ServiceHttp(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public ServiceHttp(int port) {
        this("http://localhost:" + port);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Answer get(String path, String token) {
        return get(path, token, Map.of());
    }

    public Answer get(String path, String token, Map<String, String> headers) {
        return send(request(path, token, headers).GET());
    }

    public Answer post(String path, Object body, String token) {
        return post(path, body, token, Map.of());
    }

    public Answer post(String path, Object body, String token, Map<String, String> headers) {
        return send(withBody(request(path, token, headers), "POST", body));
    }

    public Answer put(String path, Object body, String token) {
        return send(withBody(request(path, token, Map.of()), "PUT", body));
    }

    public Answer patch(String path, Object body, String token) {
        return send(withBody(request(path, token, Map.of()), "PATCH", body));
    }

    public Answer delete(String path, String token) {
        return send(request(path, token, Map.of()).DELETE());
    }

    /** Any request the methods above do not cover (other headers, raw bodies, other methods). */
    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request to {@code path} with the bearer token (when not null) and a 60 s timeout. */
    public HttpRequest.Builder request(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder request, String method, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        return request.header("Content-Type", "application/json").method(method, publisher);
    }
}
