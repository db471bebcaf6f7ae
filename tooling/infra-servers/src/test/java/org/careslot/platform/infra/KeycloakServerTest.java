package org.careslot.platform.infra;

import org.careslot.platform.infra.KeycloakServer.KeycloakSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("integration") // RealInfrastructure.TAG (the test kit is no dependency here): runs in the integration-test phase
class KeycloakServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsWithTheRealmImportedAndLeavesNoProcessBehindWhenClosed() throws Exception {
        List<ProcessHandle> tree = new ArrayList<>();
        int httpPort;
        try (KeycloakServer keycloak = KeycloakServer.start(settings(0, 0))) {
            httpPort = keycloak.httpPort();
            assertThat(keycloak.baseUrl()).isEqualTo("http://localhost:" + httpPort);
            assertThat(keycloak.issuerUri()).isEqualTo("http://localhost:" + httpPort + "/realms/appointments");
            assertThat(keycloak.managementPort()).isPositive().isNotEqualTo(httpPort);

            HttpResponse<String> discovery = get(keycloak.issuerUri() + "/.well-known/openid-configuration");
            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(discovery.body()).contains("\"issuer\":\"" + keycloak.issuerUri() + "\"");
            HttpResponse<String> live = get("http://localhost:" + keycloak.managementPort() + "/health/live");
            assertThat(live.statusCode()).isEqualTo(200);

            tree.add(keycloak.process());
            keycloak.process().descendants().forEach(tree::add);
            assertThat(tree).anySatisfy(process -> assertThat(process.info().command()).hasValueSatisfying(
                    command -> assertThat(command).endsWith("/bin/java")));
            Path realmFile = keycloak.home().resolve("data/import/appointments-realm.json");
            assertThat(realmFile).exists();
        }

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThatThrownBy(() -> get("http://localhost:" + httpPort + "/realms/appointments"))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void refusesAFixedPortThatIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));

            assertThatThrownBy(() -> KeycloakServer.start(settings(taken.getLocalPort(), 0)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use");
        }
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static KeycloakSettings settings(int httpPort, int managementPort) throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        return new KeycloakSettings(SharedBuildDirectory.keycloakInstallRoot(), httpPort, managementPort, false,
                target.resolve("keycloak-logs/keycloak-" + ProcessHandle.current().pid() + ".log"),
                "bootstrap-admin", UUID.randomUUID().toString(), Map.of());
    }
}
