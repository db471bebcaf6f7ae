package org.careslot.platform.testkit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Real tokens from a real Keycloak for tests: users are created through the admin REST API (as identity-service
 * does) and log in with the password grant of the public {@code careslot-web} client, so services under test
 * validate genuine RS256 tokens against Keycloak's JWKS.
 */
public final class KeycloakTokens {

    public static final String PUBLIC_CLIENT = "careslot-web";

    /** A user that exists in the realm, with the password it logs in with. */
    public record TestUser(String id, String email, String password, String role) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final TestKeycloak keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public KeycloakTokens(TestKeycloak keycloak) {
        this.keycloak = keycloak;
    }

    /** Tokens of this JVM's shared test Keycloak. */
    public static KeycloakTokens shared() {
        return new KeycloakTokens(TestInfrastructure.keycloak());
    }

    /** The access token of a password-grant login, or an {@link IllegalStateException} naming Keycloak's answer. */
    public String accessToken(String username, String password) {
        return login(username, password).get("access_token").asString();
    }

    /** The whole token response ({@code access_token}, {@code refresh_token}, {@code expires_in}, ...). */
    public JsonNode login(String username, String password) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(keycloak.tokenUri()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "password", "client_id", PUBLIC_CLIENT,
                        "username", username, "password", password, "scope", "openid"))));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Creates an enabled user with a random e-mail and the realm role {@code role} (ADMIN, DOCTOR or PATIENT). */
    public TestUser createUser(String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@test.example";
        return createUser(email, "Test.Pass1!", role);
    }

    public TestUser createUser(String email, String password, String role) {
        String admin = adminToken();
        String users = keycloak.baseUrl() + "/admin/realms/" + TestKeycloak.REALM + "/users";
        String body = JSON.writeValueAsString(Map.of(
                "username", email, "email", email, "emailVerified", true, "enabled", true,
                "firstName", "Test", "lastName", role,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(users))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not create " + email + ": " + created.statusCode() + " "
                    + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        HttpResponse<String> roleResponse = send(HttpRequest.newBuilder(URI.create(
                        keycloak.baseUrl() + "/admin/realms/" + TestKeycloak.REALM + "/roles/" + role))
                .header("Authorization", "Bearer " + admin).GET());
        if (roleResponse.statusCode() != 200) {
            throw new IllegalStateException("unknown realm role " + role + ": " + roleResponse.statusCode());
        }
        HttpResponse<String> mapped = send(HttpRequest.newBuilder(URI.create(users + "/" + id + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + roleResponse.body() + "]")));
        if (mapped.statusCode() != 204) {
            throw new IllegalStateException("could not give " + email + " role " + role + ": " + mapped.statusCode());
        }
        return new TestUser(id, email, password, role);
    }

    private String adminToken() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(
                        keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", keycloak.bootstrapAdminUser(), "password", keycloak.bootstrapAdminPassword()))));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("admin login failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + keycloak.baseUrl() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }
}
