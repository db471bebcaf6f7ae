package org.careslot.gateway.cors;

import org.careslot.platform.testkit.EventContract;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser frontend needs two things for the same origin: Keycloak must accept it as web origin (and redirect target)
 * of the browser client, and the gateway must answer its CORS requests. The development defaults of both live in
 * different files (platform/keycloak realm, gateway application.yml); this keeps them equal.
 */
class CorsMatchesKeycloakClientTest {

    static final Path ROOT = EventContract.repositoryRoot();

    @Test
    void gatewayCorsDefaultsAreTheWebOriginsOfTheKeycloakBrowserClient() throws IOException {
        JsonNode client = browserClient();
        List<String> webOrigins = texts(client.path("webOrigins"));

        assertThat(corsDefault()).as("CORS_ALLOWED_ORIGINS default of the gateway vs. webOrigins of %s in the realm",
                        swaggerUiClientId())
                .containsExactlyInAnyOrderElementsOf(webOrigins);
        List<String> redirectUris = texts(client.path("redirectUris"));
        for (String origin : webOrigins) {
            assertThat(redirectUris).as("a redirect URI of the client covers %s", origin)
                    .anyMatch(uri -> covers(uri, origin + "/"));
        }
    }

    @Test
    void swaggerUiLogsInWithAPublicClientThatAllowsPkceAndThePasswordFlowFromTheGatewaysOrigin() throws IOException {
        JsonNode client = browserClient();
        assertThat(client.path("publicClient").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as("password flow").isTrue();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asString("")).isEqualTo("S256");

        String gateway = "http://localhost:" + placeholderDefault("GATEWAY_PORT");
        assertThat(texts(client.path("webOrigins"))).contains(gateway);
        assertThat(texts(client.path("redirectUris")))
                .anyMatch(uri -> covers(uri, gateway + "/v1/swagger-ui/oauth2-redirect.html"));
    }

    /** Keycloak's redirect URI rule: exact, or a prefix when the registered URI ends with '*'. */
    static boolean covers(String registered, String uri) {
        return registered.endsWith("*") ? uri.startsWith(registered.substring(0, registered.length() - 1))
                : registered.equals(uri);
    }

    static JsonNode browserClient() throws IOException {
        JsonNode realm = JsonMapper.builder().build()
                .readTree(Files.readString(ROOT.resolve("platform/keycloak/appointments-realm.json")));
        String clientId = swaggerUiClientId();
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asString("").equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("the realm has no client " + clientId + " (springdoc.swagger-ui.oauth.client-id)");
    }

    static String swaggerUiClientId() throws IOException {
        return placeholderDefault("SWAGGER_UI_CLIENT_ID");
    }

    static List<String> corsDefault() throws IOException {
        return Arrays.stream(placeholderDefault("CORS_ALLOWED_ORIGINS").split(",")).map(String::trim).toList();
    }

    /** The default after ':' of {@code ${VARIABLE:default}} in the gateway's application.yml. */
    static String placeholderDefault(String variable) throws IOException {
        String yaml = Files.readString(ROOT.resolve("gateway/src/main/resources/application.yml"));
        Matcher matcher = Pattern.compile("\\$\\{" + variable + ":([^}]*)}").matcher(yaml);
        assertThat(matcher.find()).as("${%s:...} in the gateway's application.yml", variable).isTrue();
        return matcher.group(1);
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }
}
