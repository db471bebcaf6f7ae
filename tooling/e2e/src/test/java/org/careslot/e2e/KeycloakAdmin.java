package org.careslot.e2e;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The stack's Keycloak through its admin REST API, as an operator would use it (the local stack's master admin,
 * dev default admin/admin): for tests that need tokens Keycloak really signed but the platform must refuse.
 */
final class KeycloakAdmin {

    private final String keycloakUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    KeycloakAdmin(RunningStack stack) {
        this.keycloakUrl = stack.keycloakUrl();
    }

    /**
     * A public client of the realm with the direct-access (password) grant whose access tokens expire
     * {@code lifespanSeconds} after issue; Keycloak takes a negative lifespan as it is, so a token can be expired
     * the moment Keycloak signs it (beyond any clock skew a resource server allows). Answers the client's admin URL.
     */
    String createPasswordClient(String realm, String clientId, long lifespanSeconds) {
        HttpResponse<String> created = send("POST", "/admin/realms/" + realm + "/clients", Map.of(
                "clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false,
                "attributes", Map.of("access.token.lifespan", Long.toString(lifespanSeconds))));
        expect(created, 201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    /** A realm of its own with an ADMIN role, one user holding it and a public password client careslot-web. */
    void createRealmWithAdmin(String realm, String email, String password) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", email);
        user.put("email", email);
        user.put("emailVerified", true);
        user.put("enabled", true);
        user.put("firstName", "Other");
        user.put("lastName", "Realm");
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        user.put("realmRoles", List.of("ADMIN"));
        expect(send("POST", "/admin/realms", Map.of(
                "realm", realm, "enabled", true,
                "roles", Map.of("realm", List.of(Map.of("name", "ADMIN"))),
                "users", List.of(user),
                "clients", List.of(Map.of("clientId", "careslot-web", "publicClient", true,
                        "directAccessGrantsEnabled", true, "standardFlowEnabled", false)))), 201);
    }

    /** The access token of a password-grant login at one realm's token endpoint. */
    String accessToken(String realm, String clientId, String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", clientId, "username", username,
                        "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(
                        keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        expect(response, 200);
        return Gateway.JSON.readTree(response.body()).get("access_token").asString();
    }

    /** Removes what a create answered or named (a client's URL or /admin/realms/{realm}); quiet when gone. */
    void delete(String adminUrlOrPath) {
        String path = adminUrlOrPath.startsWith("http") ? URI.create(adminUrlOrPath).getPath() : adminUrlOrPath;
        send("DELETE", path, null);
    }

    private String masterToken() {
        return accessToken("master", "admin-cli", "admin", "admin");
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloakUrl + path))
                .header("Authorization", "Bearer " + masterToken());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Gateway.JSON.writeValueAsString(body)));
        }
        return exchange(request);
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to "
                    + response.request().method() + " " + response.request().uri() + ": " + response.body());
        }
    }
}
