package org.careslot.platform.localstack.seed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A frontend's HTTP client of the platform: JSON (snake_case) to the gateway, logged in with {@code POST
 * /api/v1/user/login/} like a user, access tokens kept per account and renewed before Keycloak's 5 minutes run out.
 * One extra base URL, booking-service's own port, serves only the demo seed path that the gateway does not route.
 */
final class PlatformClient {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Duration TOKEN_FRESH = Duration.ofMinutes(4);
    private static final int ATTEMPTS = 6;
    /** A service still warming up or busy (the gateway's 502/503/504, rate limiting): asked again after a pause. */
    private static final java.util.Set<Integer> BUSY = java.util.Set.of(429, 502, 503, 504);

    /** One HTTP answer. */
    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new SeedException("not JSON (" + status + "): " + body);
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The fields a 400 problem names. */
        java.util.Set<String> errorFields() {
            java.util.Set<String> fields = new java.util.TreeSet<>();
            JsonNode errors = status == 400 ? json().path("errors") : null;
            if (errors != null && errors.isObject()) {
                errors.fieldNames().forEachRemaining(fields::add);
            }
            return fields;
        }

        Answer expect(String what, int... statuses) {
            for (int expected : statuses) {
                if (status == expected) {
                    return this;
                }
            }
            throw new SeedException(what + " answered " + status + ": " + body);
        }
    }

    /** A user as the login endpoint answers: id and role, and the access token. */
    record Login(String id, String role, String access, Instant at) {
    }

    private record Credentials(String email, String password) {
    }

    private final String gateway;
    private final String bookingService;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Login> logins = new ConcurrentHashMap<>();
    private final Map<String, Credentials> credentials = new ConcurrentHashMap<>();

    PlatformClient(String gatewayUrl, String bookingServiceUrl) {
        this.gateway = stripSlash(gatewayUrl);
        this.bookingService = stripSlash(bookingServiceUrl);
    }

    String gatewayUrl() {
        return gateway;
    }

    /** Logs in (or reuses a fresh token of) {@code email}; null when the credentials are refused (401). */
    Login login(String email, String password) {
        Login known = logins.get(email);
        if (known != null && known.at().plus(TOKEN_FRESH).isAfter(Instant.now())) {
            return known;
        }
        Answer answer = post("/api/v1/user/login/", Map.of("email", email, "password", password), null);
        if (answer.status() == 401) {
            return null;
        }
        answer.expect("login of " + email, 200);
        JsonNode body = answer.json();
        Login login = new Login(body.path("user").path("id").asText(), body.path("user").path("role").asText(),
                body.path("access").asText(), Instant.now());
        logins.put(email, login);
        credentials.put(email, new Credentials(email, password));
        return login;
    }

    /** The access token of an account logged in before, renewed when about to expire. */
    String token(String email) {
        Credentials known = credentials.get(email);
        if (known == null) {
            throw new IllegalStateException(email + " has not logged in");
        }
        Login login = login(known.email(), known.password());
        if (login == null) {
            throw new SeedException("the login of " + email + " is refused now");
        }
        return login.access();
    }

    Answer get(String path, String token) {
        return send("GET", URI.create(gateway + path), null, token, Map.of());
    }

    Answer post(String path, Object body, String token) {
        return send("POST", URI.create(gateway + path), body, token, Map.of());
    }

    Answer post(String path, Object body, String token, Map<String, String> headers) {
        return send("POST", URI.create(gateway + path), body, token, headers);
    }

    Answer put(String path, Object body, String token) {
        return send("PUT", URI.create(gateway + path), body, token, Map.of());
    }

    /** POST to booking-service's own port (the seed path of {@code POST /internal/demo/appointments}). */
    Answer postToBookingService(String path, Object body, String token, Map<String, String> headers) {
        return send("POST", URI.create(bookingService + path), body, token, headers);
    }

    static String query(Map<String, ?> parameters) {
        Map<String, String> present = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null) {
                present.put(name, value.toString());
            }
        });
        return present.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }

    /**
     * Retries a request whose connection failed (the gateway closes connections after each answer, so a reused one
     * may be gone) or that a busy or warming-up platform did not answer in time: the seeder's writes are safe to
     * repeat (409 on a repeated registration, Idempotency-Key on bookings, a status change re-read on 409).
     */
    private Answer send(String method, URI uri, Object body, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot write " + body, e);
            }
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpRequest built = request.build();
        String last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
                Answer answer = new Answer(response.statusCode(), response.body());
                if (!BUSY.contains(answer.status()) || attempt == ATTEMPTS) {
                    return answer;
                }
                last = answer.status() + " " + answer.body();
            } catch (ConnectException e) {
                throw new SeedException("nothing answers at " + uri.getScheme() + "://" + uri.getAuthority()
                        + " (is the local stack running? ./local-stack.sh --seed starts it and seeds)");
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SeedException("interrupted");
            }
            pause(Duration.ofSeconds(Math.min(8, 1L << (attempt - 1))));
        }
        throw new SeedException(method + " " + uri + " failed: " + last);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeedException("interrupted");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
