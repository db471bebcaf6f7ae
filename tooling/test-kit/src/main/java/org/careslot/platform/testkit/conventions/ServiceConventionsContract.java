package org.careslot.platform.testkit.conventions;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service must offer operators and clients, whatever its domain (architecture.md, api.md):
 * probes, Prometheus metrics, its OpenAPI document, problem+json 401s and an X-Trace-Id on every response.
 * A service's test implements {@link #baseUrl()} against its running instance (e.g. {@code @LocalServerPort}).
 */
public interface ServiceConventionsContract {

    /** Names springdoc gives a controller's injected caller when it wrongly offers it as a parameter. */
    Set<String> INJECTED_PARAMETERS = Set.of("caller", "admin", "current_user", "currentuser", "authentication",
            "jwt", "principal");
    /** Internal types that are no part of the API a client sees. */
    Set<String> INTERNAL_SCHEMAS = Set.of("JsonNode", "ObjectNode", "CurrentUser", "Authentication", "Jwt");
    Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

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

    /**
     * The document shows the API as a client generator sees it (api.md): canonical paths with the trailing slash,
     * snake_case members, no internal arguments or types, and every operation's problem+json client errors. All
     * findings are listed at once.
     */
    @Test
    default void documentsTheApiAsClientsSeeIt() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JsonMapper.builder().build().readTree(response.body());
        List<String> findings = new ArrayList<>();
        JsonNode paths = document.path("paths");
        assertThat(paths.isObject()).as("the document has paths").isTrue();
        for (String path : paths.propertyNames()) {
            if (!path.endsWith("/")) {
                findings.add("path " + path + " is not canonical: api.md writes it with a trailing slash");
            }
            JsonNode item = paths.get(path);
            for (String method : item.propertyNames()) {
                if (!HTTP_METHODS.contains(method)) {
                    continue;
                }
                String operation = method.toUpperCase(Locale.ROOT) + " " + path;
                for (JsonNode parameter : item.get(method).path("parameters")) {
                    String name = parameter.path("name").asString("");
                    if (INJECTED_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                        findings.add(operation + " offers the injected '" + name + "' as a "
                                + parameter.path("in").asString("") + " parameter");
                    }
                }
                boolean problemClientError = false;
                JsonNode responses = item.get(method).path("responses");
                for (String status : responses.propertyNames()) {
                    if (status.startsWith("4") && responses.get(status).path("content").has("application/problem+json")) {
                        problemClientError = true;
                    }
                }
                if (!problemClientError) {
                    findings.add(operation + " documents no 4xx answer with application/problem+json content");
                }
                collectSchemaFindings(item.get(method), operation, findings);
            }
        }
        JsonNode schemas = document.path("components").path("schemas");
        for (String name : schemas.propertyNames()) {
            if (INTERNAL_SCHEMAS.contains(name)) {
                findings.add("schema " + name + " is an internal type");
            }
            checkSchema(schemas.get(name), "schema " + name, findings);
        }
        assertThat(findings).as("the OpenAPI document at /v3/api-docs").isEmpty();
    }

    /**
     * "Authorize" in the Swagger UI logs in (issue 11): besides the bearer scheme, an OAuth2 scheme against the
     * Keycloak realm {@code appointments} (authorization code, which the UI runs with PKCE, and password flow), offered
     * as an alternative wherever a token is required.
     */
    @Test
    default void offersAKeycloakLoginAsSecurityScheme() throws Exception {
        JsonNode document = openApiDocument();
        JsonNode schemes = document.path("components").path("securitySchemes");
        List<String> oauth2 = new ArrayList<>();
        for (String name : schemes.propertyNames()) {
            if (schemes.get(name).path("type").asString("").equals("oauth2")) {
                oauth2.add(name);
            }
        }
        assertThat(oauth2).as("OAuth2 security schemes").hasSize(1);
        assertThat(schemes.propertyNames()).as("security schemes").contains("bearer");
        String scheme = oauth2.getFirst();
        JsonNode flows = schemes.get(scheme).path("flows");
        String realm = "/realms/appointments/protocol/openid-connect/";
        assertThat(flows.path("authorizationCode").path("authorizationUrl").asString(""))
                .startsWith("http").endsWith(realm + "auth");
        assertThat(flows.path("authorizationCode").path("tokenUrl").asString("")).endsWith(realm + "token");
        assertThat(flows.path("password").path("tokenUrl").asString("")).endsWith(realm + "token");
        List<String> alternatives = new ArrayList<>();
        document.path("security").forEach(requirement -> alternatives.addAll(requirement.propertyNames()));
        assertThat(alternatives).as("top-level security alternatives").contains("bearer", scheme);
        List<String> findings = new ArrayList<>();
        JsonNode paths = document.path("paths");
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                JsonNode security = paths.get(path).get(method).path("security");
                if (HTTP_METHODS.contains(method) && security.isArray() && !security.isEmpty()) {
                    List<String> names = new ArrayList<>();
                    security.forEach(requirement -> names.addAll(requirement.propertyNames()));
                    if (!names.contains(scheme)) {
                        findings.add(method.toUpperCase(Locale.ROOT) + " " + path + " does not accept " + scheme);
                    }
                }
            }
        }
        assertThat(findings).as("operations with their own security").isEmpty();
    }

    /**
     * {@code docs/http/<service>.http} (requests through the gateway for the JetBrains HTTP client and VS Code's REST
     * Client) is what {@link HttpRequestsFile} renders from this document; {@value HttpRequestsFile#REGENERATE}
     * {@code =true} rewrites it.
     */
    @Test
    default void httpRequestsFileFollowsTheDocument() throws Exception {
        JsonNode document = openApiDocument();
        HttpRequestsFile.verify(document, getClass());
    }

    private JsonNode openApiDocument() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/v3/api-docs", null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    /** Every schema inside an operation (request bodies, parameters, responses). */
    private static void collectSchemaFindings(JsonNode node, String where, List<String> findings) {
        if (node.isObject()) {
            for (String member : node.propertyNames()) {
                if (member.equals("schema")) {
                    checkSchema(node.get(member), where, findings);
                } else {
                    collectSchemaFindings(node.get(member), where, findings);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectSchemaFindings(element, where, findings));
        }
    }

    /** Member names must be the snake_case of the wire (no upper-case letter), at any depth. */
    private static void checkSchema(JsonNode schema, String where, List<String> findings) {
        if (!schema.isObject()) {
            return;
        }
        JsonNode properties = schema.path("properties");
        for (String property : properties.propertyNames()) {
            if (!property.equals(property.toLowerCase(Locale.ROOT))) {
                findings.add(where + " has the member '" + property + "', not the snake_case the API uses");
            }
            checkSchema(properties.get(property), where, findings);
        }
        for (String nested : List.of("items", "additionalProperties", "not")) {
            checkSchema(schema.path(nested), where, findings);
        }
        for (String composed : List.of("allOf", "oneOf", "anyOf")) {
            schema.path(composed).forEach(part -> checkSchema(part, where, findings));
        }
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
