package org.careslot.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A frontend's view of the platform: HTTP to the gateway (and Keycloak's token endpoint for logging in). */
final class Gateway {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** One HTTP answer with its body parsed as JSON when it is JSON. */
    record Response(int status, HttpResponseHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String contentType() {
            return headers.first("Content-Type");
        }
    }

    record HttpResponseHeaders(java.net.http.HttpHeaders raw) {
        String first(String name) {
            return raw.firstValue(name).orElse(null);
        }
    }

    private final RunningStack stack;
    private final HttpClient http;

    Gateway(RunningStack stack) {
        this(stack, HttpClient.newBuilder());
    }

    private Gateway(RunningStack stack, HttpClient.Builder http) {
        this.stack = stack;
        this.http = http.connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The gateway as a client on another loopback address (e.g. 127.0.0.2, Linux) sees it: its own per-IP rate-limit
     * buckets, so a test that exhausts them does not throttle the other tests of the JVM.
     */
    Gateway fromLocalAddress(InetAddress address) {
        return new Gateway(stack, HttpClient.newBuilder().localAddress(address));
    }

    /** Registers an account (any free phone, the first location) and answers its id. */
    String register(String role, String fullName, String email, String password) {
        Map<String, Object> body = new java.util.HashMap<>(firstLocation());
        body.putAll(Map.of("role", role, "full_name", fullName, "email", email, "phone", uniquePhone(),
                "password", password));
        Response registered = postJson("/api/v1/user/register/", body, null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("id").asString();
    }

    /** Any method with a body sent byte for byte as given (malformed JSON, another content type, ...). */
    Response raw(String method, String path, String contentType, byte[] body, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request);
    }

    Response get(String path) {
        return get(path, null);
    }

    /** A Bangladeshi mobile number unlikely to be registered yet (registration requires a unique phone). */
    static String uniquePhone() {
        return String.format("+88017%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Logs in through the gateway and answers the access token. */
    String login(String email, String password) {
        // the gateway limits logins per client address and the whole suite logs in from one: told to retry (429 with
        // Retry-After, refilled at one per second), it retries as a frontend would
        Response login = await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> postJson("/api/v1/user/login/", Map.of("email", email, "password", password), null),
                        response -> response.status() != 429);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("access").asString();
    }

    /** The first thana of the first district of the first division, as registration takes it (ids by field name). */
    Map<String, Object> firstLocation() {
        int division = get("/api/v1/locations/divisions/").json().get(0).get("id").asInt();
        int district = get("/api/v1/locations/divisions/" + division + "/districts/").json().get(0).get("id").asInt();
        int thana = get("/api/v1/locations/districts/" + district + "/thanas/").json().get(0).get("id").asInt();
        return Map.of("division_id", division, "district_id", district, "thana_id", thana);
    }

    Response get(String path, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request);
    }

    Response postJson(String path, Object body, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request);
    }

    /** Any method with a JSON body (null: none) and extra headers such as Accept or Idempotency-Key. */
    Response request(String method, String path, Object jsonBody, String accessToken, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path));
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(jsonBody)));
        }
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        headers.forEach(request::header);
        return send(request);
    }

    /** Logs in at Keycloak with the public client, as the web frontend does. */
    String keycloakAccessToken(String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", "careslot-web", "username", username,
                        "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Response response = send(HttpRequest.newBuilder(URI.create(
                        stack.keycloakUrl() + "/realms/appointments/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.status() != 200) {
            throw new IllegalStateException("Keycloak login failed: " + response.status() + " " + response.body());
        }
        return response.json().get("access_token").asString();
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), new HttpResponseHeaders(response.headers()), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
