package org.careslot.platform.testkit.conventions;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service must offer operators and clients, whatever its domain (architecture.md, api.md):
 * probes, Prometheus metrics, its OpenAPI document, problem+json 401s and an X-Trace-Id on every response.
 * A service's test implements {@link #baseUrl()} against its running instance (e.g. {@code @LocalServerPort}).
 */
public interface ServiceConventionsContract {

    String baseUrl();

    /** A path of this service that requires a token. */
    default String protectedPath() {
        return "/api/v1/protected-by-default/";
    }

    @Test
    default void livenessAndReadinessProbesAreUp() throws Exception {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(probe, null);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"UP\"");
        }
    }

    @Test
    default void exposesPrometheusMetrics() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    default void servesItsOpenApiDocument() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"openapi\"");
    }

    @Test
    default void rejectsAMissingTokenWithProblemJsonAndATraceId() throws Exception {
        HttpResponse<String> response = get(protectedPath(), null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("X-Trace-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f]{32}"));
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    default void rejectsAMalformedTokenWith401() throws Exception {
        assertThat(get(protectedPath(), "not.a-jwt").statusCode()).isEqualTo(401);
    }

    @Test
    default void continuesTheCallersTrace() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + protectedPath()))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("X-Trace-Id")).hasValue(traceId);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
