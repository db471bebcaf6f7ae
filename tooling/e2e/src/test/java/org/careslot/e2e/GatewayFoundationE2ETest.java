package org.careslot.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The foundation through the gateway: up, documented, and guarded by Keycloak tokens. */
class GatewayFoundationE2ETest {

    private static Gateway gateway;

    @BeforeAll
    static void stack() {
        gateway = new Gateway(RunningStack.get());
    }

    @Test
    void gatewayIsReady() {
        Gateway.Response readiness = gateway.get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void swaggerUiAtV1ListsEveryServicesOpenApiDocument() {
        Gateway.Response entry = gateway.get("/v1/");
        assertThat(entry.status()).isIn(200, 302);
        if (entry.status() == 302) {
            String location = entry.headers().first("Location");
            assertThat(location).contains("swagger-ui");
            assertThat(gateway.get(location.replaceFirst("^https?://[^/]+", "")).status()).isEqualTo(200);
        }

        JsonNode config = gateway.get("/v3/api-docs/swagger-config").json();
        List<String> names = new ArrayList<>();
        config.get("urls").forEach(url -> names.add(url.get("name").asString()));
        assertThat(names).containsExactlyInAnyOrder("identity", "doctor", "booking", "notification", "reporting");
        config.get("urls").forEach(url -> {
            Gateway.Response document = gateway.get(url.get("url").asString());
            assertThat(document.status()).as(url.toString()).isEqualTo(200);
            assertThat(document.json().has("openapi")).as(url.toString()).isTrue();
        });
    }

    @Test
    void protectedRouteWithoutTokenIs401ProblemJsonWithTraceId() {
        Gateway.Response response = gateway.get("/api/v1/appointments/");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.headers().first("X-Trace-Id")).matches("[0-9a-f]{32}");
    }

    @Test
    void tokenOfTheDefaultAdminIsAcceptedAndATamperedOneIsRejected() {
        String token = gateway.keycloakAccessToken("admin@example.com", "Admin.1234");

        // past the gateway's and identity-service's token checks, and the admin role is honoured
        Gateway.Response accepted = gateway.get("/api/v1/users/", token);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().has("results")).isTrue();
        assertThat(accepted.headers().first("X-Trace-Id")).isNotBlank();

        Gateway.Response tampered = gateway.get("/api/v1/users/", withForgedRole(token));
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(tampered.contentType()).startsWith("application/problem+json");

        Gateway.Response garbage = gateway.get("/api/v1/users/", "not-a-jwt");
        assertThat(garbage.status()).isEqualTo(401);
    }

    /** The same token with its payload re-encoded (a changed claim): the signature no longer matches. */
    private static String withForgedRole(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"exp\":", "\"forged\":true,\"exp\":");
        parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return String.join(".", parts);
    }
}
